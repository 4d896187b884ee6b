using System;
using System.Collections.Concurrent;
using System.IO;

namespace Hardening.Build.Files
{
    /// <summary>
    /// Where the engine reads files: the disk in a build, a dictionary in tests. Rules never read files;
    /// the loaders do, through this seam.
    /// </summary>
    public interface IFileSystem
    {
        bool FileExists(string path);

        SourceFile Read(string path);
    }

    /// <summary>
    /// Reads from disk, each file once per check, with the size limit of the check. With a boundary, a
    /// path whose symbolic links lead outside it is reported and not read.
    /// </summary>
    public sealed class DiskFileSystem : IFileSystem
    {
        private readonly long _maxFileBytes;
        private readonly RepositoryBoundary? _boundary;
        private readonly ConcurrentDictionary<string, SourceFile> _cache =
            new ConcurrentDictionary<string, SourceFile>(StringComparer.Ordinal);

        public DiskFileSystem(long maxFileBytes, RepositoryBoundary? boundary = null)
        {
            _maxFileBytes = maxFileBytes;
            _boundary = boundary;
        }

        public bool FileExists(string path) => _cache.ContainsKey(path) || File.Exists(path);

        public SourceFile Read(string path) => _cache.GetOrAdd(path, p => SourceFileReader.Read(p, _maxFileBytes, _boundary));
    }
}
