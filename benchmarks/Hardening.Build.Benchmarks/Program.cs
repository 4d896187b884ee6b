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
            "      prints the size, the allocation per input byte, the size of the parsed model and the\n" +
            "      findings by code of each benchmark input.\n" +
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
            foreach (DockerfileInput input in DockerfileInput.All())
            {
                string text = input.FileSystem.Read(DockerfileInput.Path).Text!;
                long retained = RetainedBytes(() => Dockerfiles.DockerfileDocument.Parse(DockerfileInput.Path, text));
                DescribeCheck("Dockerfile " + input, input.InputBytes, input.Request, retained);
            }

            foreach (ComposeInput input in ComposeInput.All())
            {
                var spec = new Compose.ComposeProjectSpec(
                    "bench",
                    input.Request.Files.Select(file => file.Path).ToArray(),
                    ComposeInput.Directory);
                long retained = RetainedBytes(() => Compose.ComposeProjectLoader.Load(spec, input.FileSystem, new Dictionary<string, string>()));
                DescribeCheck("Compose " + input, input.InputBytes, input.Request, retained);
            }

            return 0;
        }

        private static void DescribeCheck(string name, long bytes, CheckRequest request, long retainedModelBytes)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            CheckResult result = HardeningEngine.Check(request);
            stopwatch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            string codes = string.Join(", ", result.Findings.GroupBy(finding => finding.Code).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} x{group.Count()}"));
            Console.WriteLine(FormattableString.Invariant(
                $"{name}: {bytes:N0} bytes, {result.ServiceCount} services, first run {stopwatch.ElapsedMilliseconds} ms, allocated {allocated / (double)bytes:F1} B/byte, parsed model {retainedModelBytes / (double)bytes:F1} B/byte; {codes}"));
            foreach (Finding finding in result.Findings.Where(finding => finding.Code.StartsWith("HARD000", StringComparison.Ordinal)).Take(2))
            {
                Console.WriteLine("    " + finding.Message);
            }
        }

        /// <summary>Returns the bytes that the object made by <paramref name="create"/> keeps alive, after full collections.</summary>
        private static long RetainedBytes(Func<object> create)
        {
            long before = GC.GetTotalMemory(forceFullCollection: true);
            object model = create();
            long after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(model);
            return after - before;
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

            IEnumerable<BenchmarkDotNet.Reports.Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments.ToArray(), config);

            // A benchmark that throws still gives a summary, so CI needs the exit code to see it.
            bool failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
            return failed ? 1 : 0;
        }
    }
}
