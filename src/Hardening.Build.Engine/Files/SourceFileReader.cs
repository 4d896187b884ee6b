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

        /// <summary>"UTF-16LE" or "UTF-16BE" when a UTF-16 byte-order mark set the encoding; null for UTF-8.</summary>
        public string? Utf16Encoding { get; private set; }

        /// <summary>
        /// The index in <see cref="Text"/> of the U+FFFD that replaced the first byte sequence that is not
        /// valid UTF-8; -1 when the bytes were valid.
        /// </summary>
        public int InvalidUtf8Index { get; private set; } = -1;

        public static SourceFile FromText(string path, string text) => new SourceFile(path, text, null);

        public static SourceFile Failed(string path, Finding error) => new SourceFile(path, null, error);

        internal static SourceFile FromUtf16(string path, string text, string encoding) =>
            new SourceFile(path, text, null) { Utf16Encoding = encoding };

        internal static SourceFile FromUtf8(string path, string text, int invalidIndex) =>
            new SourceFile(path, text, null) { InvalidUtf8Index = invalidIndex };
    }

    /// <summary>
    /// Reads a checked file once, with a size limit, and decodes it: UTF-8 with an optional byte-order
    /// mark, or UTF-16 when a UTF-16 byte-order mark is present. The loaders report what Docker rejects,
    /// such as a UTF-16 Dockerfile or invalid UTF-8 in a Compose file.
    /// </summary>
    public static class SourceFileReader
    {
        /// <summary>The default largest file read: 10 MiB, far above any real Dockerfile or Compose file.</summary>
        public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

        // Encoding instances are thread-safe; this one throws at the first invalid byte.
        private static readonly UTF8Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>
        /// Reads at most <paramref name="maxFileBytes"/> bytes, so memory stays bounded. A file larger than
        /// the limit is rejected by its size before it is opened. A file that grows while it is read, or a
        /// device that reports size 0, is rejected once the read passes the limit.
        /// </summary>
        /// <param name="boundary">When set, a path whose symbolic links lead outside it is not read.</param>
        public static SourceFile Read(string path, long maxFileBytes = DefaultMaxFileBytes, RepositoryBoundary? boundary = null)
        {
            byte[] bytes;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return Directory.Exists(path)
                        ? Unreadable(path, $"'{path}' is a folder, not a file, so it was not checked. Remove it from the HardeningFile items.")
                        : Unreadable(path, $"File '{path}' was not found. Remove it from the HardeningFile items or restore the file.");
                }

                string? outside = boundary?.LinkTargetOutside(path);
                if (outside != null)
                {
                    return Unreadable(
                        path,
                        $"File '{path}' is a symbolic link to '{outside}', outside the repository '{boundary!.Root}', so it was not read. Check the file in place of the link, or set HardeningRepositoryRoot to a folder that contains both.");
                }

                if (info.Length > maxFileBytes)
                {
                    return TooLarge(path, info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), maxFileBytes);
                }

                // NOTE: a named pipe (FIFO) reports size 0 and opening it waits for a writer, and .NET has
                // no portable way to tell it from a file, so one inside the repository would stall the read.
                bytes = ReadBounded(path, info.Length, maxFileBytes);
                if (bytes.Length > maxFileBytes)
                {
                    return TooLarge(path, "more than " + maxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), maxFileBytes);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                return Unreadable(path, $"File '{path}' cannot be read: {ex.Message.TrimEnd()}. Fix its permissions or the link it follows, or remove it from the HardeningFile items.");
            }

            return Decode(path, bytes);
        }

        /// <summary>Decodes bytes already read; a NUL byte outside UTF-16 marks a binary file.</summary>
        public static SourceFile Decode(string path, byte[] bytes)
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return SourceFile.FromUtf16(path, Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16LE");
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return SourceFile.FromUtf16(path, Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16BE");
            }

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int nul = Array.IndexOf(bytes, (byte)0, start);
            if (nul >= 0)
            {
                return Unreadable(path, $"File '{path}' contains a NUL byte at offset {nul}, so it is binary, not text. Remove it from the HardeningFile items.");
            }

            // Valid files, nearly all of them, are decoded in one strict pass. Invalid UTF-8 sequences
            // become U+FFFD in a second, lenient pass, and the text around them is still checked.
            string text;
            int invalidIndex = -1;
            try
            {
                text = s_strictUtf8.GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
                int invalidOffset = FirstInvalidUtf8(bytes, start);
                invalidIndex = Encoding.UTF8.GetCharCount(bytes, start, Math.Max(invalidOffset, start) - start);
            }

            return SourceFile.FromUtf8(path, text, invalidIndex);
        }

        /// <summary>Returns the offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1.</summary>
        internal static int FirstInvalidUtf8(byte[] bytes, int start)
        {
            try
            {
                s_strictUtf8.GetCharCount(bytes, start, bytes.Length - start);
                return -1;
            }
            catch (DecoderFallbackException ex)
            {
                return ex.Index >= 0 ? start + ex.Index : start;
            }
        }

        /// <summary>
        /// Reads the file into one array sized from the length it had before it was opened, and reads on
        /// past that length, up to one byte over the limit, so that growth and devices that report 0 are
        /// noticed.
        /// </summary>
        private static byte[] ReadBounded(string path, long expectedLength, long maxFileBytes)
        {
            // A buffer size of 1 turns off FileStream's own buffer, because every read fills this array.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            long limit = maxFileBytes + 1;
            var buffer = new byte[(int)Math.Min(limit, Math.Max(expectedLength + 1, 4096))];
            int total = 0;
            while (total < limit)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(limit, (long)buffer.Length * 2));
                }

                int read = stream.Read(buffer, total, buffer.Length - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            if (total != buffer.Length)
            {
                Array.Resize(ref buffer, total);
            }

            return buffer;
        }

        private static SourceFile TooLarge(string path, string size, long maxFileBytes) =>
            Unreadable(
                path,
                $"File '{path}' is {size} bytes, larger than the limit of {maxFileBytes} bytes, so it was not checked. Raise HardeningMaxFileBytes or exclude the file.");

        private static SourceFile Unreadable(string path, string message) =>
            SourceFile.Failed(path, new Finding(InputDiagnostics.FileUnreadable, SourceLocation.StartOf(path), message));
    }
}
