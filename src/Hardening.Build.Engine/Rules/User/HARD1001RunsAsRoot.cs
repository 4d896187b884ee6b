using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.User
{
    /// <summary>
    /// Reports a Dockerfile whose final stage runs as root: a USER that names root, or no USER on a
    /// base image whose default user is root or not in the catalogue. A user that depends on a
    /// variable without a value gives HARD0005 instead, because the result cannot be known.
    /// </summary>
    public sealed class HARD1001RunsAsRoot : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD1001", "Container runs as root", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            foreach (DockerfileDocument document in project.Dockerfiles)
            {
                DockerfileStage? final = document.FinalStage;
                if (final == null)
                {
                    continue;
                }

                Finding? finding = CheckStage(document, final);
                if (finding != null)
                {
                    yield return finding;
                }
            }
        }

        private static Finding? CheckStage(DockerfileDocument document, DockerfileStage stage)
        {
            UserResolution user = document.ResolveUser(stage, null);
            string stageText = "The final stage " + stage.DisplayName;
            string privilegeDrop = DescribePrivilegeDrop(stage);
            if (!user.IsBaseImageDefault)
            {
                if (user.Kind == UserKind.NonRoot)
                {
                    return null;
                }

                if (user.Kind == UserKind.Unknown)
                {
                    string variable = user.UnresolvedVariable ?? "?";
                    return new Finding(
                        InputDiagnostics.UnresolvedValue,
                        user.Location,
                        $"{stageText} sets its user from the variable '{variable}', which has no value here, so whether it runs as root is unknown. Give it a default (`ARG {variable}=10001`) or write a numeric `USER 10001`.");
                }

                string where = user.DecidingStage == stage ? string.Empty : $" (inherited from stage {user.DecidingStage.DisplayName})";
                return new Finding(
                    Rule,
                    user.Location,
                    $"{stageText} runs as root: the user is '{user.User}'{where}. {FixFor(user)}{privilegeDrop}");
            }

            if (user.Kind == UserKind.NonRoot)
            {
                return null;
            }

            string message;
            if (user.BaseImage == null)
            {
                message = $"{stageText} sets no USER, and its base image '{stage.BaseReference}' depends on the variable '{user.UnresolvedVariable}', which has no value here, so its default user is unknown and assumed to be root. {FixFor(user)}";
            }
            else if (user.BaseImageDefaults == null)
            {
                message = $"{stageText} sets no USER, and its base image '{user.BaseImage}' is not in the base-image catalogue, so its default user is unknown and assumed to be root. {FixFor(user)}";
            }
            else
            {
                message = $"{stageText} sets no USER, so it runs as the default user '{user.BaseImageDefaults.User}' of its base image '{user.BaseImage}' ({user.BaseImageDefaults.Description}), which is root. {FixFor(user)}";
            }

            return new Finding(Rule, user.Location, message + privilegeDrop);
        }

        private static string FixFor(UserResolution user)
        {
            BaseImageDefaults? defaults = user.BaseImageDefaults;
            if (defaults != null && defaults.IsWindows)
            {
                return "Add `USER ContainerUser` before ENTRYPOINT or CMD.";
            }

            if (defaults != null && defaults.DefinesAppUid)
            {
                return "Add `USER $APP_UID` (uid 1654, the app user of .NET images) before ENTRYPOINT, or switch to a chiseled image such as mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled, which runs as that user.";
            }

            return "Add `USER 10001` before ENTRYPOINT or CMD (create the user first if the image needs a passwd entry, for example `RUN useradd -u 10001 app`); a numeric uid lets Kubernetes runAsNonRoot verify it.";
        }

        /// <summary>Mentions gosu or su-exec in ENTRYPOINT or CMD: they drop privileges only at run time.</summary>
        private static string DescribePrivilegeDrop(DockerfileStage stage)
        {
            for (DockerfileStage? current = stage; current != null; current = current.Parent)
            {
                foreach (DockerfileInstruction instruction in current.Instructions)
                {
                    if (instruction.Keyword != "ENTRYPOINT" && instruction.Keyword != "CMD")
                    {
                        continue;
                    }

                    foreach (string tool in new[] { "gosu", "su-exec" })
                    {
                        if (instruction.Arguments.IndexOf(tool, StringComparison.Ordinal) >= 0)
                        {
                            return $" The {instruction.Keyword} drops privileges with {tool} at run time, but the image user is still root, so `docker exec` and everything before the drop run as root.";
                        }
                    }
                }
            }

            return string.Empty;
        }
    }
}
