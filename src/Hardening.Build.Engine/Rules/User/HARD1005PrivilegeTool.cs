using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.User
{
    /// <summary>
    /// Reports sudo, su, gosu, doas or su-exec run by a RUN instruction of a built stage (or a stage
    /// it is built from), and the package managers' install commands that put sudo, gosu, doas or
    /// su-exec into it. Build stages that only feed files to other stages are not checked.
    /// </summary>
    public sealed class HARD1005PrivilegeTool : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD1005", "Privilege tool in the final stage", Severity.Warning);

        private static readonly string[] s_tools = { "sudo", "su", "gosu", "doas", "su-exec" };

        private static readonly string[] s_packages = { "sudo", "gosu", "doas", "opendoas", "su-exec" };

        private static readonly string[] s_packageManagers = { "apt-get", "apt", "apk", "dnf", "yum", "microdnf", "tdnf", "zypper" };

        // Commands that run the next word as a command of their own.
        private static readonly string[] s_wrappers = { "exec", "env", "nohup", "time", "command", "nice" };

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (BuiltStage built in BuiltStage.Collect(project))
            {
                foreach (DockerfileStage stage in built.Chain())
                {
                    string inherited = stage == built.Stage ? string.Empty : $" (in stage {stage.DisplayName}, which it is built from)";
                    foreach (DockerfileInstruction run in stage.Instructions)
                    {
                        if (run.Keyword != "RUN")
                        {
                            continue;
                        }

                        foreach (ShellScript script in ShellScript.Of(run))
                        {
                            foreach (ShellCommand command in script.Commands())
                            {
                                foreach (Finding finding in CheckCommand(built, inherited, built.Document, script, command))
                                {
                                    if (reported.Add(finding.Location.ToString()))
                                    {
                                        yield return finding;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        private static IEnumerable<Finding> CheckCommand(BuiltStage built, string inherited, DockerfileDocument document, ShellScript script, ShellCommand command)
        {
            int nameIndex = command.NameIndex;
            while (nameIndex >= 0 && nameIndex < command.Words.Count && Array.IndexOf(s_wrappers, command.Words[nameIndex].Text) >= 0)
            {
                nameIndex++;
            }

            if (nameIndex >= 0 && nameIndex < command.Words.Count && Array.IndexOf(s_tools, command.Words[nameIndex].FileName) >= 0)
            {
                ShellWord tool = command.Words[nameIndex];
                yield return new Finding(
                    Rule,
                    document.Locate(script.PositionOf(tool.Offset)),
                    $"{built.Description} runs '{tool.FileName}' in a RUN instruction{inherited}. RUN already runs as the current USER, which is root until a USER instruction changes it, so the tool is not needed: run the command without it, before the USER instruction, and keep {tool.FileName} out of the runtime image.");
            }

            int manager = command.IndexOfProgram(0, s_packageManagers);
            if (manager < 0)
            {
                yield break;
            }

            int install = IndexOfInstall(command, manager + 1);
            if (install < 0)
            {
                yield break;
            }

            for (int i = install + 1; i < command.Words.Count; i++)
            {
                ShellWord word = command.Words[i];
                string package = PackageName(word.Text);
                if (Array.IndexOf(s_packages, package) < 0)
                {
                    continue;
                }

                yield return new Finding(
                    Rule,
                    document.Locate(script.PositionOf(word.Offset)),
                    $"{built.Description} installs '{package}'{inherited}. A privilege tool in the runtime image lets any process that gets a shell in the container try to become root. Remove '{package}' from the install command; to run as another user, set `USER 10001` in the Dockerfile instead of switching users at run time.");
            }
        }

        private static int IndexOfInstall(ShellCommand command, int start)
        {
            for (int i = start; i < command.Words.Count; i++)
            {
                string text = command.Words[i].Text;
                if (text == "install" || text == "add" || text == "in")
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Strips a version pin: <c>sudo=1.9.13</c> (apt), <c>sudo=~1.9</c> or <c>sudo&gt;1.9</c> (apk).</summary>
        private static string PackageName(string word)
        {
            int end = word.IndexOfAny(new[] { '=', '<', '>', '~' });
            return end < 0 ? word : word.Substring(0, end);
        }
    }
}
