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

            Console.WriteLine(FormattableString.Invariant($"{paths.Length} files, {totalBytes:N0} bytes, median of {passes} passes after 1 warm-up pass"));
            foreach ((string name, Func<string, int> work) in phases)
            {
                double median = MedianPassMilliseconds(paths, work, passes);
                double perFileMicroseconds = median * 1000 / paths.Length;
                double megabytesPerSecond = totalBytes / 1e6 / (median / 1000);
                Console.WriteLine(FormattableString.Invariant(
                    $"{name,-34} {median,10:F2} ms/pass {perFileMicroseconds,10:F1} us/file {megabytesPerSecond,8:F1} MB/s"));
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

        private static double MedianPassMilliseconds(string[] paths, Func<string, int> work, int passes)
        {
            var times = new List<double>(passes);
            int checksum = 0;
            for (int pass = -1; pass < passes; pass++)
            {
                var stopwatch = Stopwatch.StartNew();
                foreach (string path in paths)
                {
                    checksum += work(path);
                }

                stopwatch.Stop();
                if (pass >= 0)
                {
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }

            // The checksum keeps the work observable, so the JIT cannot drop it.
            GC.KeepAlive(checksum);
            times.Sort();
            return times[times.Count / 2];
        }
    }
}
