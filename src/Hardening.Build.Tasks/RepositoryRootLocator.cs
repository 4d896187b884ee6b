using System.IO;

namespace Hardening.Build.Tasks
{
    /// <summary>
    /// Finds the folder whose files a check may read: the nearest folder at or above the project folder
    /// that contains <c>.git</c>, as a folder in a clone or as a file in a worktree or submodule.
    /// </summary>
    internal static class RepositoryRootLocator
    {
        /// <summary>Returns that folder, or <paramref name="projectDirectory"/> itself when no folder above it has <c>.git</c>.</summary>
        public static string Locate(string projectDirectory)
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

            return start;
        }
    }
}
