using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Guide
{
    /// <summary>
    /// The hardened Compose file of the hardening guide this package starts from, whole and with each fix removed.
    /// </summary>
    public class GuideComposeTests
    {
        private static readonly string[] FixedFile =
        {
            "services:",                      // 1
            "  app:",                         // 2
            "    build: .",                   // 3
            "    ports:",                     // 4
            "      - \"5000:5000\"",          // 5
            "    read_only: true",            // 6
            "    tmpfs:",                     // 7
            "      - /tmp:size=64m",          // 8
            "    cap_drop:",                  // 9
            "      - ALL",                    // 10
            "    security_opt:",              // 11
            "      - no-new-privileges:true", // 12
            "    restart: unless-stopped",    // 13
            "    deploy:",                    // 14
            "      resources:",               // 15
            "        limits:",                // 16
            "          memory: 256m",         // 17
            "          cpus: \"0.5\"",        // 18
        };

        // The guide sets no PIDs limit and publishes its port on every interface; the two suggestions
        // this gives are checked once here and left out of the other cases.
        private static readonly string[] GuideGaps = { "HARD5003", "HARD4006" };

        [Fact]
        public void FixedFile_OnlyGuideGapSuggestions()
        {
            AssertFindings(RunAll(Join(FixedFile)), "HARD5003@2:3", "HARD4006@5:9");
        }

        [Fact]
        public void FixedFile_NoFinding()
        {
            AssertFindings(RunGuide(Join(FixedFile)));
        }

        [Theory]
        [InlineData(6, 6, "HARD2001@2:3")]
        [InlineData(7, 8, "HARD2002@2:3")]
        [InlineData(9, 10, "HARD3001@2:3")]
        [InlineData(11, 12, "HARD3002@2:3")]
        [InlineData(13, 13, "HARD8001@2:3")]
        [InlineData(17, 17, "HARD5001@2:3")]
        [InlineData(18, 18, "HARD5002@2:3")]
        public void FixRemoved_ExactlyItsFinding(int firstLine, int lastLine, string expected)
        {
            string[] lines = FixedFile
                .Where((_, index) => index + 1 < firstLine || index + 1 > lastLine)
                .ToArray();

            AssertFindings(RunGuide(Join(lines)), expected);
        }

        [Fact]
        public void AllFixesRemoved_EveryGuideFinding()
        {
            string yaml = "services:\n  app:\n    build: .\n    ports:\n      - \"5000:5000\"\n";

            AssertFindings(
                RunGuide(yaml),
                "HARD2001@2:3",
                "HARD3001@2:3",
                "HARD3002@2:3",
                "HARD5001@2:3",
                "HARD5002@2:3",
                "HARD8001@2:3");
        }

        [Fact]
        public void DocumentedHardenedService_NoFinding()
        {
            // The example of docs/rules/README.md, "A service with no findings".
            string yaml =
                "services:\n" +
                "  app:\n" +
                "    build: .\n" +
                "    ports:\n" +
                "      - \"127.0.0.1:5000:5000\"\n" +
                "    read_only: true\n" +
                "    tmpfs:\n" +
                "      - /tmp:size=64m\n" +
                "    cap_drop:\n" +
                "      - ALL\n" +
                "    security_opt:\n" +
                "      - no-new-privileges:true\n" +
                "    restart: unless-stopped\n" +
                "    healthcheck:\n" +
                "      test: [\"CMD\", \"/app/healthcheck\"]\n" +
                "    deploy:\n" +
                "      resources:\n" +
                "        limits:\n" +
                "          memory: 256m\n" +
                "          cpus: \"0.5\"\n" +
                "          pids: 200\n";

            AssertFindings(RunAll(yaml));
        }

        private static string Join(string[] lines) => string.Join("\n", lines) + "\n";

        private static List<Finding> RunGuide(string yaml) =>
            RunAll(yaml).Where(finding => !GuideGaps.Contains(finding.Code)).ToList();
    }
}
