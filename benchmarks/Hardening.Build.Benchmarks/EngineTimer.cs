using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Files;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Benchmarks
{
    /// <summary>
    /// Times the engine alone on Dockerfiles from disk, one check per file as a linter run per file
    /// would do, and splits the time into the engine's phases. The parse phases start from text already
    /// in memory, so they exclude reading.
    /// </summary>
    internal static class EngineTimer
    {
        public static int Run(string listPath, int passes)
        {
            string[] paths = File.ReadAllLines(listPath).Where(line => line.Trim().Length > 0).Select(line => line.Trim()).ToArray();
            if (paths.Length == 0 || passes < 1)
            {
                Console.Error.WriteLine($"'{listPath}' lists no files, or PASSES is below 1. List one Dockerfile path a line.");
                return 2;
            }

            long totalBytes = paths.Sum(path => new FileInfo(path).Length);
            Dictionary<string, string> texts = paths.Distinct().ToDictionary(path => path, File.ReadAllText);
            var phases = new (string Name, Func<string, int> Work)[]
            {
                ("read and decode", path => SourceFileReader.Read(path).Text!.Length),
                ("syntax parse", path => DockerfileParser.Parse(texts[path]).Instructions.Count),
                ("model (syntax, stages, ARG/ENV)", path => DockerfileDocument.Parse(path, texts[path]).Stages.Count),
                ("HardeningEngine.Check", path => Check(path)),
            };

            Console.WriteLine(FormattableString.Invariant($"{paths.Length} files, {totalBytes:N0} bytes, median of {passes} passes after warm-up passes of at least 1 s"));
            foreach ((string name, Func<string, int> work) in phases)
            {
                (double wall, double cpu) = MedianPass(paths, work, passes);
                Console.WriteLine(FormattableString.Invariant(
                    $"{name,-34} wall {wall,9:F2} ms/pass  cpu {cpu,9:F2} ms/pass {cpu * 1000 / paths.Length,9:F1} us/file (cpu) {totalBytes / 1e6 / (cpu / 1000),7:F1} MB/s (cpu)"));
            }

            return 0;
        }

        private static int Check(string path)
        {
            var request = new CheckRequest(new[] { new InputFile(path, InputKind.Dockerfile) })
            {
                ProjectDirectory = Path.GetDirectoryName(path),
            };
            return HardeningEngine.Check(request).Findings.Count;
        }

        /// <summary>
        /// Returns the median wall-clock and processor time of a pass. Processor time includes the
        /// garbage collector's threads. On a shared machine it varies less than wall-clock time.
        /// </summary>
        private static (double Wall, double Cpu) MedianPass(string[] paths, Func<string, int> work, int passes)
        {
            var walls = new List<double>(passes);
            var cpus = new List<double>(passes);
            int checksum = 0;
            var warmUp = Stopwatch.StartNew();
            do
            {
                foreach (string path in paths)
                {
                    checksum += work(path);
                }
            }
            while (warmUp.Elapsed.TotalSeconds < 1);

            using Process process = Process.GetCurrentProcess();
            for (int pass = 0; pass < passes; pass++)
            {
                process.Refresh();
                TimeSpan cpuStart = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                foreach (string path in paths)
                {
                    checksum += work(path);
                }

                stopwatch.Stop();
                process.Refresh();
                walls.Add(stopwatch.Elapsed.TotalMilliseconds);
                cpus.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
            }

            // The checksum keeps the work observable, so the JIT cannot drop it.
            GC.KeepAlive(checksum);
            walls.Sort();
            cpus.Sort();
            return (walls[walls.Count / 2], cpus[cpus.Count / 2]);
        }
    }
}
