using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Hardening.Build.Benchmarks
{
    public static class Program
    {
        private const string Usage =
            "Usage:\n" +
            "  Hardening.Build.Benchmarks [--smoke] [BenchmarkDotNet options]\n" +
            "      runs the BenchmarkDotNet benchmarks; --smoke runs each case once (Job.Dry), for CI.\n" +
            "  Hardening.Build.Benchmarks describe\n" +
            "      prints the size and the findings by code of each benchmark input.\n" +
            "  Hardening.Build.Benchmarks generate DIR\n" +
            "      writes generated Dockerfiles to DIR and their paths to DIR/files.txt.\n" +
            "  Hardening.Build.Benchmarks tree DIR FOLDERS\n" +
            "      writes FOLDERS folders, each with a Dockerfile and a docker-compose.yml, under DIR.\n" +
            "  Hardening.Build.Benchmarks time LIST [PASSES]\n" +
            "      checks each Dockerfile listed in LIST (one path a line) alone, PASSES times (default 5)\n" +
            "      after warm-up passes of at least 1 s, and prints the median wall-clock and processor\n" +
            "      time of a pass, split by phase.";

        public static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : string.Empty;
            try
            {
                switch (command)
                {
                    case "describe":
                        return Describe();
                    case "generate" when args.Length == 2:
                        return DiskInputs.WriteDockerfiles(args[1]);
                    case "tree" when args.Length == 3:
                        return DiskInputs.WriteTree(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                    case "time" when args.Length is 2 or 3:
                        return EngineTimer.Run(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
                    case "generate":
                    case "tree":
                    case "time":
                    case "--help":
                    case "-h":
                        Console.Error.WriteLine(Usage);
                        return 2;
                }
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"Invalid number: {ex.Message}\n{Usage}");
                return 2;
            }

            return RunBenchmarks(args);
        }

        private static int Describe()
        {
            IEnumerable<(string Name, long Bytes, CheckRequest Request)> inputs =
                DockerfileInput.All().Select(input => ("Dockerfile " + input, input.InputBytes, input.Request))
                    .Concat(ComposeInput.All().Select(input => ("Compose " + input, input.InputBytes, input.Request)));
            foreach ((string name, long bytes, CheckRequest request) in inputs)
            {
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                CheckResult result = HardeningEngine.Check(request);
                stopwatch.Stop();
                string codes = string.Join(", ", result.Findings.GroupBy(finding => finding.Code).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} x{group.Count()}"));
                Console.WriteLine($"{name}: {bytes:N0} bytes, {result.ServiceCount} services, first run {stopwatch.ElapsedMilliseconds} ms; {codes}");
                foreach (Finding finding in result.Findings.Where(finding => finding.Code.StartsWith("HARD000", StringComparison.Ordinal)).Take(2))
                {
                    Console.WriteLine("    " + finding.Message);
                }
            }

            return 0;
        }

        private static int RunBenchmarks(string[] args)
        {
            var arguments = new List<string>(args);
            IConfig config = DefaultConfig.Instance.AddColumn(ThroughputColumn.All);
            if (arguments.Remove("--smoke"))
            {
                config = config.AddJob(Job.Dry);
                if (!arguments.Any(argument => argument == "--filter" || argument == "-f"))
                {
                    arguments.Add("--filter");
                    arguments.Add("*");
                }
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments.ToArray(), config);
            return 0;
        }
    }
}
