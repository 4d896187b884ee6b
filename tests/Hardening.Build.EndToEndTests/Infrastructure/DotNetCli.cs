using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Hardening.Build.EndToEndTests.Infrastructure
{
    /// <summary>The exit code and the interleaved output of one dotnet command.</summary>
    internal sealed class CommandResult
    {
        public CommandResult(string commandLine, int exitCode, string output)
        {
            CommandLine = commandLine;
            ExitCode = exitCode;
            Output = output;
        }

        public string CommandLine { get; }

        public int ExitCode { get; }

        public string Output { get; }
    }

    /// <summary>Runs the dotnet CLI in a child process with an environment that no outer build leaks into.</summary>
    internal static class DotNetCli
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

        /// <summary>
        /// Variables removed from the child's environment. `dotnet test` sets the MSBuild ones for its own
        /// build, and MSBuild reads every variable as a property, so the warning settings would leak in.
        /// </summary>
        private static readonly string[] s_removedVariables =
        {
            "MSBuildExtensionsPath",
            "MSBuildSDKsPath",
            "MSBUILD_EXE_PATH",
            "MSBuildLoadMicrosoftTargetsReadOnly",
            "NUGET_PACKAGES",
            "TreatWarningsAsErrors",
            "WarningsAsErrors",
            "NoWarn",
        };

        public static CommandResult Run(string workingDirectory, IReadOnlyList<string> arguments)
        {
            var startInfo = new ProcessStartInfo(FindDotNet())
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            foreach (string name in s_removedVariables)
            {
                startInfo.Environment.Remove(name);
            }

            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            string commandLine = "dotnet " + string.Join(" ", arguments);
            if (!process.WaitForExit(s_timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{commandLine}' in '{workingDirectory}' timed out after {s_timeout}. Output so far:\n{output}");
            }

            // The parameterless overload waits until the asynchronous output readers have drained.
            process.WaitForExit();
            return new CommandResult(commandLine, process.ExitCode, output.ToString());
        }

        /// <summary>Returns the dotnet host that runs these tests, so that child builds use the same SDK install.</summary>
        private static string FindDotNet()
        {
            string? hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(hostPath) ? "dotnet" : hostPath;
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
