namespace SwrKit.CodeGen;

internal static class OutputFile
{
    /// <summary>
    /// Writes atomically (two builds racing never see half a file) and only when the text changed;
    /// an unchanged file is touched instead so MSBuild's incremental check sees it as up to date.
    /// </summary>
    public static void WriteIfChanged(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return;
        }

        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, path, overwrite: true);
    }
}
