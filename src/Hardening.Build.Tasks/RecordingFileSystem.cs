using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Hardening.Build.Files;

namespace Hardening.Build.Tasks
{
    /// <summary>
    /// Passes reads to the disk and remembers every path the engine read or looked for, found or not.
    /// Those paths are what the result cache checks before a later build reuses the findings: a file that
    /// appears, such as a new .editorconfig or .env, changes them as much as an edited one.
    /// </summary>
    internal sealed class RecordingFileSystem : IFileSystem
    {
        private readonly IFileSystem _inner;
        private readonly ConcurrentDictionary<string, bool> _paths = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public RecordingFileSystem(IFileSystem inner)
        {
            _inner = inner;
        }

        /// <summary>The paths, sorted, so that the cache file is the same for the same check.</summary>
        public IEnumerable<string> Paths
        {
            get
            {
                var paths = new List<string>(_paths.Keys);
                paths.Sort(StringComparer.Ordinal);
                return paths;
            }
        }

        /// <summary>Adds a path the task itself looked at, such as an item that was skipped before reading.</summary>
        public void Track(string path) => _paths.TryAdd(path, true);

        public bool FileExists(string path)
        {
            _paths.TryAdd(path, true);
            return _inner.FileExists(path);
        }

        public SourceFile Read(string path)
        {
            _paths.TryAdd(path, true);
            return _inner.Read(path);
        }
    }
}
