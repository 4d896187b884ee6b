using System;
using System.IO;
using System.Text;

namespace Hardening.Build.Files
{
    /// <summary>The text of a checked file, or the reason it could not be read.</summary>
    public sealed class SourceFile
    {
        private SourceFile(string path, string? text, Finding? error)
        {
            Path = path;
            Text = text;
            Error = error;
        }

        public string Path { get; }

        /// <summary>The decoded text without a byte-order mark; null when <see cref="Error"/> is set.</summary>
        public string? Text { get; }

        public Finding? Error { get; }

        public static SourceFile FromText(string path, string text) => new SourceFile(path, text, null);

        public static SourceFile Failed(string path, Finding error) => new SourceFile(path, null, error);
    }

    /// <summary>
    /// Reads a checked file once, with a size limit, and decodes it as Docker does: UTF-8 with an
    /// optional byte-order mark; UTF-16 when a UTF-16 byte-order mark says so.
    /// </summary>
    public static class SourceFileReader
    {
        /// <summary>The default largest file read: 10 MiB, far above any real Dockerfile or Compose file.</summary>
        public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

        public static SourceFile Read(string path, long maxFileBytes = DefaultMaxFileBytes)
        {
            byte[] bytes;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return Unreadable(path, $"File '{path}' was not found. Remove it from the HardeningFile items or restore the file.");
                }

                if (info.Length > maxFileBytes)
                {
                    return Unreadable(
                        path,
                        $"File '{path}' is {info.Length} bytes, larger than the limit of {maxFileBytes} bytes, so it was not checked. Raise HardeningMaxFileBytes or exclude the file.");
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                return Unreadable(path, $"File '{path}' cannot be read: {ex.Message}");
            }

            return Decode(path, bytes);
        }

        /// <summary>Decodes bytes already read; a NUL byte outside UTF-16 marks a binary file.</summary>
        public static SourceFile Decode(string path, byte[] bytes)
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return SourceFile.FromText(path, Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return SourceFile.FromText(path, Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
            }

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int nul = Array.IndexOf(bytes, (byte)0, start);
            if (nul >= 0)
            {
                return Unreadable(path, $"File '{path}' contains a NUL byte at offset {nul}, so it is binary, not text. Remove it from the HardeningFile items.");
            }

            // Invalid UTF-8 sequences become U+FFFD: the text around them is still checked.
            return SourceFile.FromText(path, Encoding.UTF8.GetString(bytes, start, bytes.Length - start));
        }

        private static SourceFile Unreadable(string path, string message) =>
            SourceFile.Failed(path, new Finding(InputDiagnostics.FileUnreadable, SourceLocation.StartOf(path), message));
    }
}
