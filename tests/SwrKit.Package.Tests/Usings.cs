global using SwrKit.Testing;
global using Xunit;
