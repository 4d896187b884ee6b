using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using Xunit;

namespace Hardening.Build.EndToEndTests.Infrastructure
{
    /// <summary>
    /// A fact that is skipped while the engine in this repository does not report <c>code</c> for a
    /// typical input yet, so tests of rules still being written run as soon as the rule exists.
    /// </summary>
    /// <remarks>
    /// NOTE: a rule that stops reporting its code makes these tests skip rather than fail, so each rule
    /// needs its own unit tests in Hardening.Build.Tests as well.
    /// </remarks>
    internal sealed class EngineReportsFactAttribute : FactAttribute
    {
        public EngineReportsFactAttribute(string code)
        {
            if (!EngineProbe.Reports(code))
            {
                Skip = $"The engine does not report {code} for its probe input yet.";
            }
        }
    }

    /// <summary>Runs the engine in process on one small input per code and records whether the code appears.</summary>
    internal static class EngineProbe
    {
        private static readonly ConcurrentDictionary<string, bool> s_results = new ConcurrentDictionary<string, bool>();

        public static bool Reports(string code) => s_results.GetOrAdd(code, Probe);

        private static bool Probe(string code)
        {
            (string fileName, InputKind kind, string text) = code switch
            {
                "HARD1001" => ("Dockerfile", InputKind.Dockerfile, Inputs.DockerfileUserRoot),
                "HARD0002" => ("compose.yaml", InputKind.Compose, Inputs.BrokenCompose),
                "HARD2001" => ("compose.yaml", InputKind.Compose, Inputs.ComposeWithoutReadOnly),
                _ => throw new ArgumentException($"No probe input for {code}.", nameof(code)),
            };

            string directory = Path.Combine(Path.GetTempPath(), "hardening-probe-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string path = Path.Combine(directory, fileName);
                File.WriteAllText(path, text);
                CheckResult result = HardeningEngine.Check(new CheckRequest(new[] { new InputFile(path, kind) }));
                return result.Findings.Any(finding => finding.Code == code);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
