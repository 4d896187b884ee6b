using System;
using System.Collections.Generic;
using System.Text;
using Hardening.Build.Files;

namespace Hardening.Build.Tests.Support
{
    /// <summary>Files held in memory, decoded by the same reader the disk uses.</summary>
    internal sealed class MemoryFileSystem : IFileSystem
    {
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public MemoryFileSystem Add(string path, string text)
        {
            _files[path] = Encoding.UTF8.GetBytes(text);
            return this;
        }

        public MemoryFileSystem AddBytes(string path, byte[] bytes)
        {
            _files[path] = bytes;
            return this;
        }

        /// <summary>Every path read, in order, so a test can tell which files a check opened.</summary>
        public List<string> Reads { get; } = new List<string>();

        public bool FileExists(string path) => _files.ContainsKey(path);

        public SourceFile Read(string path)
        {
            Reads.Add(path);
            return _files.TryGetValue(path, out byte[]? bytes)
                ? SourceFileReader.Decode(path, bytes)
                : SourceFile.Failed(path, new Finding(InputDiagnostics.FileUnreadable, SourceLocation.StartOf(path), $"File '{path}' was not found."));
        }
    }
}
