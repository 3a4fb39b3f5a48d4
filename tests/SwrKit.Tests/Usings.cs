global using Xunit;
global using SwrKit.Testing;
