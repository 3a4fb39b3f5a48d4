#!/usr/bin/env bash
# Counts the transitive packages a net8.0 console app gets from SwrKit: one app with SwrKit alone (the plain path),
# one with Microsoft.Extensions.Hosting too (an AddSwrKit app). Packs the working tree to a temporary feed first.
# usage: tools/deps/package-weight.sh [label]      (docs/dependencies.md records the results)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
label=${1:-local}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack "$root/src/SwrKit/SwrKit.csproj" -c Release -o "$work/feed" -p:Version="1.0.0-$label" -nologo -v q >/dev/null
for kind in plain di; do
  app="$work/app-$kind"; mkdir -p "$app"; cd "$app"
  extra=""
  [ "$kind" = di ] && extra='<PackageReference Include="Microsoft.Extensions.Hosting" Version="8.0.1" />'
  cat > app.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="SwrKit" Version="1.0.0-$label" />$extra</ItemGroup>
</Project>
XML
  echo 'class P { static void Main() {} }' > P.cs
  printf '<configuration><packageSources><add key="local" value="%s" /></packageSources></configuration>\n' "$work/feed" > nuget.config
  dotnet restore -nologo -v q >/dev/null
  echo "$kind: $(dotnet list package --include-transitive | grep -cE '^\s+>') packages"
done
