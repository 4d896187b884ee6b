using System;
using System.IO;
using System.Reflection;

namespace Hardening.Build.Tasks
{
    /// <summary>
    /// Binds the assemblies bundled with the task to the copies in the task's own folder when .NET
    /// Framework MSBuild cannot find them. .NET MSBuild needs no such help, because its load context
    /// reads the task's .deps.json.
    /// </summary>
    internal static class TaskAssemblyResolver
    {
        /// <summary>The only assemblies the resolver loads: those packed beside the task DLL.</summary>
        internal static readonly string[] BundledAssemblyNames = { "Hardening.Build.Engine", "YamlDotNet" };

#if NETFRAMEWORK
        /// <summary>Hooks the resolver. The task's static constructor calls this once per AppDomain.</summary>
        internal static void Register()
        {
            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
        }

        private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            string? taskDirectory = Path.GetDirectoryName(typeof(TaskAssemblyResolver).Assembly.Location);
            if (taskDirectory == null)
            {
                return null;
            }

            string? candidate = FindCandidate(taskDirectory, new AssemblyName(args.Name));
            return candidate == null ? null : Assembly.LoadFrom(candidate);
        }
#endif

        /// <summary>
        /// Returns the path of the bundled copy of <paramref name="requested"/> in
        /// <paramref name="taskDirectory"/>, or null when the name is not bundled, the file is missing,
        /// or its version is lower than the requested one.
        /// </summary>
        internal static string? FindCandidate(string taskDirectory, AssemblyName requested)
        {
            if (requested.Name == null || Array.IndexOf(BundledAssemblyNames, requested.Name) < 0)
            {
                return null;
            }

            string path = Path.Combine(taskDirectory, requested.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            Version? available = AssemblyName.GetAssemblyName(path).Version;
            if (requested.Version != null && (available == null || available < requested.Version))
            {
                return null;
            }

            return path;
        }
    }
}
