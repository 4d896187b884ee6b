using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Hardening.Build.Benchmarks
{
    /// <summary>Writes generated inputs to disk for the tools that read files: the npm linters and MSBuild.</summary>
    internal static class DiskInputs
    {
        private static readonly UTF8Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Writes 200 Dockerfiles of 1 to 4 KiB (the size of real ones) and one each of 100 KiB and
        /// 1 MiB, then lists them in files.txt.
        /// </summary>
        public static int WriteDockerfiles(string directory)
        {
            Directory.CreateDirectory(directory);
            var paths = new List<string>();
            for (int i = 0; i < 200; i++)
            {
                int bytes = 1024 * (1 + (i % 4));
                int stages = 1 + (i % 3);
                paths.Add(Write(directory, $"small{i:D3}.Dockerfile", InputGenerator.Dockerfile(bytes, stages)));
            }

            paths.Add(Write(directory, "large-100k.Dockerfile", InputGenerator.Dockerfile(100 * 1024, 10)));
            paths.Add(Write(directory, "large-1m.Dockerfile", InputGenerator.Dockerfile(1024 * 1024, 100)));
            File.WriteAllLines(Path.Combine(directory, "files.txt"), paths);
            Console.WriteLine($"Wrote {paths.Count} Dockerfiles to {Path.GetFullPath(directory)}.");
            return 0;
        }

        /// <summary>Writes <paramref name="folders"/> folders, each with a small Dockerfile and a Compose file that builds it.</summary>
        public static int WriteTree(string directory, int folders)
        {
            for (int i = 0; i < folders; i++)
            {
                string folder = Path.Combine(directory, $"group{i / 100:D2}", $"service{i:D4}");
                Directory.CreateDirectory(folder);
                Write(folder, "Dockerfile", InputGenerator.Dockerfile(1024 + (i % 4) * 512, 2));
                Write(folder, "docker-compose.yml", InputGenerator.ComposeFile(1024, 1, "."));
            }

            Console.WriteLine($"Wrote {folders} Dockerfiles and {folders} Compose files under {Path.GetFullPath(directory)}.");
            return 0;
        }

        private static string Write(string directory, string name, string text)
        {
            string path = Path.GetFullPath(Path.Combine(directory, name));
            File.WriteAllText(path, text, s_utf8);
            return path;
        }
    }
}
