using System;
using System.Collections.Generic;
using System.Text;
using Hardening.Build.Files;

namespace Hardening.Build.Benchmarks
{
    /// <summary>
    /// Files held as UTF-8 bytes and decoded on every read by the reader the disk uses, so a benchmark
    /// measures decoding, parsing and the rules, but no disk.
    /// </summary>
    public sealed class MemoryFileSystem : IFileSystem
    {
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public long TotalBytes { get; private set; }

        public IReadOnlyDictionary<string, byte[]> Files => _files;

        public void Add(string path, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            if (_files.TryGetValue(path, out byte[]? previous))
            {
                TotalBytes -= previous.Length;
            }

            _files[path] = bytes;
            TotalBytes += bytes.Length;
        }

        public bool FileExists(string path) => _files.ContainsKey(path);

        public SourceFile Read(string path) =>
            _files.TryGetValue(path, out byte[]? bytes)
                ? SourceFileReader.Decode(path, bytes)
                : SourceFile.Failed(path, new Finding(InputDiagnostics.FileUnreadable, SourceLocation.StartOf(path), $"File '{path}' was not found."));
    }
}
