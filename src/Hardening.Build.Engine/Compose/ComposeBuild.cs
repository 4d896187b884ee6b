using System;
using System.Collections.Generic;
using System.IO;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>A service's <c>build:</c> settings, in the short (<c>build: ./dir</c>) or the long form.</summary>
    public sealed class ComposeBuild
    {
        private ComposeBuild(YamlEntry entry)
        {
            Entry = entry;
            Args = new Dictionary<string, ComposeValue>(StringComparer.Ordinal);
        }

        /// <summary>The <c>build</c> key and its value.</summary>
        public YamlEntry Entry { get; }

        public ComposeValue? Context { get; private set; }

        public ComposeValue? Dockerfile { get; private set; }

        public YamlScalar? DockerfileInline { get; private set; }

        public ComposeValue? Target { get; private set; }

        /// <summary>Build arguments with a value; an argument named without one comes from the environment and is left out.</summary>
        public IReadOnlyDictionary<string, ComposeValue> Args { get; private set; }

        /// <summary>True when the context is a Git or HTTP URL, whose Dockerfile is not on this machine.</summary>
        public bool IsRemote
        {
            get
            {
                string? context = Context?.Text;
                return context != null
                    && (context.IndexOf("://", StringComparison.Ordinal) >= 0
                        || context.StartsWith("git@", StringComparison.Ordinal)
                        || context.StartsWith("github.com/", StringComparison.Ordinal));
            }
        }

        internal static ComposeBuild? Read(ComposeService service)
        {
            YamlEntry? entry = service.Entry("build");
            if (entry == null)
            {
                return null;
            }

            var build = new ComposeBuild(entry);
            if (!(ComposeMerger.Normalize("build", entry.Value) is YamlMapping mapping))
            {
                return build;
            }

            build.Context = service.Read(mapping.Get("context"));
            build.Dockerfile = service.Read(mapping.Get("dockerfile"));
            build.DockerfileInline = mapping.Get("dockerfile_inline") as YamlScalar;
            build.Target = service.Read(mapping.Get("target"));
            var args = new Dictionary<string, ComposeValue>(StringComparer.Ordinal);
            if (mapping.Get("args") is YamlNode argsNode && ComposeMerger.Normalize("args", argsNode) is YamlMapping argsMapping)
            {
                foreach (YamlEntry arg in argsMapping.Entries)
                {
                    ComposeValue? value = service.Read(arg.Value);
                    if (value != null)
                    {
                        args[arg.Key.Value] = value;
                    }
                }
            }

            build.Args = args;
            return build;
        }

        /// <summary>
        /// The absolute path of the context folder: relative to the project folder, or to the file that
        /// defines the service when it came through extends or include.
        /// </summary>
        public string ResolveContextDirectory(ComposeContext context)
        {
            string definedIn = Context?.Location.FilePath ?? Entry.Key.Location.FilePath;
            string baseDirectory = context.BaseDirectoryFor(definedIn);
            string relative = Context == null || Context.Text.Length == 0 ? "." : Context.Text;
            return Path.GetFullPath(Path.Combine(baseDirectory, ToLocalSeparators(relative)));
        }

        /// <summary>The Dockerfile's absolute path: <c>dockerfile</c> is relative to the context, not to the Compose file.</summary>
        public string ResolveDockerfilePath(ComposeContext context)
        {
            string name = Dockerfile == null || Dockerfile.Text.Length == 0 ? "Dockerfile" : Dockerfile.Text;
            return Path.GetFullPath(Path.Combine(ResolveContextDirectory(context), ToLocalSeparators(name)));
        }

        // Visual Studio writes Windows separators (WebApp\Dockerfile); Docker accepts them on every host.
        private static string ToLocalSeparators(string path) =>
            path.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
    }
}
