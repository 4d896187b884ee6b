using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Hardening.Build.EndToEndTests.Infrastructure
{
    /// <summary>One canonical MSBuild diagnostic line: <c>file(line,col): warning CODE: message [project]</c>.</summary>
    internal sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message, string Project)
    {
        public override string ToString() => $"{File}({Line},{Column}): {Severity} {Code}: {Message} [{Project}]";
    }

    /// <summary>The diagnostics of one build, read from its console output.</summary>
    internal sealed class BuildOutput
    {
        // The shape that GitHub's csc problem matcher reads: a location of line and column only, a code
        // of letters then digits, and the project in brackets at the end. A diagnostic that does not
        // match this pattern would not become a CI annotation either.
        // From -v:n on, MSBuild starts each line with the node number, such as "1>", which is not part of the file.
        private static readonly Regex s_diagnosticLine = new Regex(
            @"^\s*(?:\d+>)?(?<file>\S.*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|message) (?<code>[A-Za-z]+\d+): (?<message>.*) \[(?<project>[^\]]+)\]$",
            RegexOptions.CultureInvariant);

        public BuildOutput(CommandResult command, string binaryLogPath)
        {
            Command = command;
            BinaryLogPath = binaryLogPath;
            Diagnostics = Parse(command.Output);
        }

        public CommandResult Command { get; }

        public string BinaryLogPath { get; }

        public bool Succeeded => Command.ExitCode == 0;

        /// <summary>Diagnostics printed while the build ran, without the repeats of the closing summary.</summary>
        public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

        /// <summary>The diagnostics with Hardening.Build's HARD codes.</summary>
        public IReadOnlyList<BuildDiagnostic> Hardening =>
            Diagnostics.Where(d => d.Code.StartsWith("HARD", StringComparison.Ordinal)).ToList();

        private static List<BuildDiagnostic> Parse(string output)
        {
            var diagnostics = new List<BuildDiagnostic>();
            using var reader = new StringReader(output);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                // `dotnet build` in SDK 10 prints the summary despite -clp:NoSummary, and the summary
                // repeats every warning and error, so reading stops where it starts.
                string trimmed = line.Trim();
                if (trimmed == "Build succeeded." || trimmed == "Build FAILED.")
                {
                    break;
                }

                Match match = s_diagnosticLine.Match(line);
                if (!match.Success)
                {
                    continue;
                }

                diagnostics.Add(new BuildDiagnostic(
                    match.Groups["file"].Value,
                    int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
                    match.Groups["severity"].Value,
                    match.Groups["code"].Value,
                    match.Groups["message"].Value,
                    match.Groups["project"].Value));
            }

            return diagnostics;
        }
    }
}
