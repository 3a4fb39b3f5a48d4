#!/usr/bin/env python3
"""Drives csharp-ls over LSP (JSON-RPC on stdio) against a throwaway consumer of SwrKit, the way an editor does:
open a file, type a partly constant repository name into it, and wait until the server publishes SWR003 (and SWR002)
at the offending characters. Exit 0 when they appear at the expected positions, 1 otherwise.

Run through tools/lsp/check-csharp-ls.sh, which installs csharp-ls and builds the analyzer first:
    python3 tools/lsp/csharp_ls_check.py --server PATH/csharp-ls --bin DIR_WITH_SWRKIT_DLLS [--timeout 300]
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="{bin}/SwrKit.dll" />
    <Analyzer Include="{bin}/SwrKit.Analyzers.dll" />
    <Analyzer Include="{bin}/SwrKit.CodeFixes.dll" />
  </ItemGroup>
</Project>
"""

# What the file holds when it is opened: nothing to report.
OPENED = """using System.Threading.Tasks;
using SwrKit;

public static class Usage
{
    public static async Task RunAsync(ISwrClient client, string team, string app)
    {
        await client.DeleteRetentionAsync("org", $"{team}$app", 1);
    }
}
"""

# The edits typed afterwards, one didChange each (full text): the last one has the bad names.
TYPED = [
    OPENED.replace('$"{team}$app"', '$"{team}/"'),
    OPENED.replace('$"{team}$app"', '$"{team}/{app}"'),
    OPENED.replace('$"{team}$app"', '$"{team}/{app}$App"'),
]

# Line 7 (0-based): '        await client.DeleteRetentionAsync("org", $"{team}/{app}$App", 1);'
EXPECTED_LINE = 7
EXPECTED = {
    "SWR003": TYPED[-1].splitlines()[EXPECTED_LINE].index("/"),
    "SWR002": TYPED[-1].splitlines()[EXPECTED_LINE].index("App"),
}


class Server:
    def __init__(self, command, cwd, log):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def answer(self, message):
        """Answers the server's own requests as an editor would."""
        method = message.get("method")
        if method == "workspace/configuration":
            result = [{"analyzersEnabled": True} if item.get("section") == "csharp" else None for item in message["params"]["items"]]
        else:
            result = None
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True, help="the csharp-ls executable")
    parser.add_argument("--bin", required=True, help="folder with SwrKit.dll, SwrKit.Analyzers.dll, SwrKit.CodeFixes.dll")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for the diagnostics")
    parser.add_argument("--keep", action="store_true", help="keep the consumer folder and the server log")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="swrkit-csharp-ls-")
    bin_dir = os.path.abspath(args.bin)
    with open(os.path.join(work, "Consumer.csproj"), "w") as f:
        f.write(PROJECT.format(bin=bin_dir))
    path = os.path.join(work, "Usage.cs")
    with open(path, "w") as f:
        f.write(OPENED)
    subprocess.run(["dotnet", "restore", "Consumer.csproj", "-nologo", "-v", "q"], cwd=work, check=True)
    # A solution file: csharp-ls loads the solution it finds in the root folder.
    subprocess.run(["dotnet", "new", "sln", "-n", "Consumer", "--format", "sln"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["dotnet", "sln", "Consumer.sln", "add", "Consumer.csproj"], cwd=work, check=True, stdout=subprocess.DEVNULL)

    log_path = os.path.join(work, "csharp-ls.log")
    uri = "file://" + path
    started = time.monotonic()
    found = {}
    ok = False
    with open(log_path, "wb") as log:
        server = Server([args.server, "--loglevel", "info"], work, log)
        try:
            server.request("initialize", {
                "processId": os.getpid(),
                "rootUri": "file://" + work,
                "capabilities": {
                    "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False}},
                    "textDocument": {"publishDiagnostics": {"relatedInformation": True}, "synchronization": {"didSave": True}},
                    "window": {"workDoneProgress": True},
                },
                "initializationOptions": {"csharp": {"analyzersEnabled": True}},
                "workspaceFolders": [{"uri": "file://" + work, "name": "Consumer"}],
            })
            version = 1
            typed = 0
            initialized = False
            deadline = started + args.timeout
            next_edit = None
            while time.monotonic() < deadline:
                try:
                    message = server.messages.get(timeout=1)
                except queue.Empty:
                    message = {}
                if message is None:
                    print("csharp-ls exited", file=sys.stderr)
                    break
                if "id" in message and "method" in message:
                    server.answer(message)
                elif "id" in message and not initialized:
                    # The initialize response: the editor's settings, then the file as opened.
                    initialized = True
                    server.notify("initialized", {})
                    server.notify("workspace/didChangeConfiguration", {"settings": {"csharp": {"analyzersEnabled": True}}})
                    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "csharp", "version": version, "text": OPENED}})
                    next_edit = time.monotonic() + 5
                elif message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                    diagnostics = message["params"]["diagnostics"]
                    elapsed = time.monotonic() - started
                    print("%6.1fs publishDiagnostics v%s: %s" % (elapsed, message["params"].get("version"),
                          ", ".join("%s@%d:%d" % (d.get("code"), d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in diagnostics) or "none"))
                    if typed == len(TYPED):
                        found = {d.get("code"): d for d in diagnostics if str(d.get("code", "")).startswith("SWR")}
                        if all(code in found and found[code]["range"]["start"] == {"line": EXPECTED_LINE, "character": column}
                               for code, column in EXPECTED.items()):
                            ok = True
                            break
                elif message.get("method") == "window/logMessage" and message["params"].get("type", 4) <= 2:
                    print("server: " + message["params"]["message"], file=sys.stderr)

                # Typing: one edit every few seconds once the file is open, then wait for the diagnostics.
                if next_edit is not None and typed < len(TYPED) and time.monotonic() >= next_edit:
                    version += 1
                    server.notify("textDocument/didChange", {
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{"text": TYPED[typed]}],
                    })
                    typed += 1
                    next_edit = time.monotonic() + 2
        finally:
            try:
                server.request("shutdown", None)
                server.notify("exit", None)
                server.process.wait(timeout=10)
            except Exception:
                server.process.kill()

    if ok:
        for code in EXPECTED:
            print("%s at %d:%d: %s" % (code, EXPECTED_LINE, EXPECTED[code], found[code]["message"]))
        print("OK: csharp-ls published SWR003 and SWR002 for the typed text after %.1fs" % (time.monotonic() - started))
    else:
        print("FAILED: no SWR003/SWR002 at line %d columns %s within %.0fs; server log: %s" % (EXPECTED_LINE, EXPECTED, args.timeout, log_path), file=sys.stderr)
    if ok and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
