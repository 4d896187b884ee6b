using System;
using System.IO;

namespace Hardening.Build.Tasks
{
    /// <summary>
    /// Finds the folder whose files a check may read: the nearest folder at or above the project folder
    /// that contains <c>.git</c>, as a folder in a clone or as a file in a worktree or submodule.
    /// </summary>
    internal static class RepositoryRootLocator
    {
        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>
        /// Returns that folder. Without one, returns the project folder, widened to the folder of Visual
        /// Studio's docker-compose.dcproj when one is given, because its Compose files build the
        /// Dockerfiles of every project in the solution.
        /// </summary>
        public static string Locate(string projectDirectory, string? dockerComposeProjectPath)
        {
            string start = Path.GetFullPath(projectDirectory);
            for (DirectoryInfo? folder = new DirectoryInfo(start); folder != null; folder = folder.Parent)
            {
                string marker = Path.Combine(folder.FullName, ".git");
                if (Directory.Exists(marker) || File.Exists(marker))
                {
                    return folder.FullName;
                }
            }

            string? composeFolder = string.IsNullOrEmpty(dockerComposeProjectPath) ? null : Path.GetDirectoryName(dockerComposeProjectPath);
            return composeFolder == null ? start : CommonAncestor(start, composeFolder);
        }

        private static string CommonAncestor(string first, string second)
        {
            for (DirectoryInfo? folder = new DirectoryInfo(first); folder != null; folder = folder.Parent)
            {
                string prefix = folder.FullName.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (string.Equals(folder.FullName, second, PathComparison) || second.StartsWith(prefix, PathComparison))
                {
                    return folder.FullName;
                }
            }

            return first;
        }
    }
}
