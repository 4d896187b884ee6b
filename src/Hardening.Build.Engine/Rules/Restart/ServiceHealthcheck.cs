using System;
using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Restart
{
    internal enum HealthcheckState
    {
        /// <summary>The service or its image defines a healthcheck.</summary>
        Defined,

        /// <summary><c>disable: true</c>, <c>test: ["NONE"]</c> or <c>HEALTHCHECK NONE</c> turns it off.</summary>
        Disabled,

        /// <summary>Neither the service nor its image defines one.</summary>
        Missing,

        /// <summary>The image may define one that this check cannot see.</summary>
        Unknown,
    }

    /// <summary>
    /// The healthcheck a service runs with: Compose <c>healthcheck:</c> replaces the image's, and the image's
    /// comes from the last HEALTHCHECK of the built stage and the stages it is built from.
    /// </summary>
    internal sealed class ServiceHealthcheck
    {
        private ServiceHealthcheck(HealthcheckState state, SourceLocation? disabledAt, string source, string? baseImage)
        {
            State = state;
            DisabledAt = disabledAt;
            Source = source;
            BaseImage = baseImage;
        }

        public HealthcheckState State { get; }

        /// <summary>Where the Compose file disables the healthcheck; null when it does not.</summary>
        public SourceLocation? DisabledAt { get; }

        /// <summary>What decided the state, for messages, such as "HEALTHCHECK NONE in stage 'final'".</summary>
        public string Source { get; }

        /// <summary>The external image the service runs on; null when unknown.</summary>
        public string? BaseImage { get; }

        /// <summary>Whether the image has no shell or curl: a .NET chiseled, distroless or Chainguard image.</summary>
        public bool HasNoShell => BaseImage != null && IsShellless(ImageReference.Parse(BaseImage));

        public static ServiceHealthcheck Resolve(ComposeService service, ServiceBuildLink? link)
        {
            string? baseImage = link != null ? RootImage(link.Stage) : KnownImage(service);
            if (service.Entry("healthcheck")?.Value is YamlMapping healthcheck)
            {
                if (service.Read(healthcheck.Get("disable")) is ComposeValue disable && disable.IsKnown && disable.TryGetBoolean(out bool disabled) && disabled)
                {
                    return new ServiceHealthcheck(HealthcheckState.Disabled, disable.Location, "disable: true", baseImage);
                }

                YamlNode? test = healthcheck.Get("test");
                if (test is YamlSequence sequence && sequence.Items.Count > 0)
                {
                    ComposeValue? first = service.Read(sequence.Items[0]);
                    return first != null && first.Text == "NONE"
                        ? new ServiceHealthcheck(HealthcheckState.Disabled, first.Location, "test: [\"NONE\"]", baseImage)
                        : new ServiceHealthcheck(HealthcheckState.Defined, null, "healthcheck.test", baseImage);
                }

                if (service.Read(test) is ComposeValue shellTest && shellTest.Text.Length > 0)
                {
                    return new ServiceHealthcheck(HealthcheckState.Defined, null, "healthcheck.test", baseImage);
                }

                // A healthcheck: without test only changes the timing of the image's own HEALTHCHECK.
            }

            if (link != null)
            {
                return FromStages(link.Stage, baseImage);
            }

            if (service.HasBuild)
            {
                return new ServiceHealthcheck(HealthcheckState.Unknown, null, "a build that was not read", null);
            }

            return baseImage != null && ShipsNoHealthcheck(baseImage)
                ? new ServiceHealthcheck(HealthcheckState.Missing, null, "image " + baseImage, baseImage)
                : new ServiceHealthcheck(HealthcheckState.Unknown, null, "an image of unknown configuration", baseImage);
        }

        private static ServiceHealthcheck FromStages(DockerfileStage stage, string? baseImage)
        {
            for (DockerfileStage? current = stage; current != null; current = current.Parent)
            {
                for (int i = current.Instructions.Count - 1; i >= 0; i--)
                {
                    DockerfileInstruction instruction = current.Instructions[i];
                    if (instruction.Keyword != "HEALTHCHECK")
                    {
                        continue;
                    }

                    // BuildKit reads the first word case-insensitively: HEALTHCHECK NONE or HEALTHCHECK CMD ...
                    string arguments = instruction.Arguments.Trim();
                    int end = 0;
                    while (end < arguments.Length && !char.IsWhiteSpace(arguments[end]))
                    {
                        end++;
                    }

                    string first = arguments.Substring(0, end);
                    return string.Equals(first, "NONE", StringComparison.OrdinalIgnoreCase)
                        ? new ServiceHealthcheck(HealthcheckState.Disabled, null, $"HEALTHCHECK NONE in stage {current.DisplayName}", baseImage)
                        : new ServiceHealthcheck(HealthcheckState.Defined, null, $"HEALTHCHECK in stage {current.DisplayName}", baseImage);
                }
            }

            return baseImage != null && ShipsNoHealthcheck(baseImage)
                ? new ServiceHealthcheck(HealthcheckState.Missing, null, $"stage {stage.DisplayName} on image {baseImage}", baseImage)
                : new ServiceHealthcheck(HealthcheckState.Unknown, null, "a base image of unknown configuration", baseImage);
        }

        /// <summary>The external image at the root of the stage chain; null when a variable leaves it unknown.</summary>
        private static string? RootImage(DockerfileStage stage)
        {
            DockerfileStage root = stage;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root.BaseImage;
        }

        private static string? KnownImage(ComposeService service) =>
            service.Image is ComposeValue image && image.IsKnown && image.Text.Length > 0 ? image.Text : null;

        /// <summary>
        /// Images known to define no HEALTHCHECK: the Docker official images (their maintainers leave health
        /// checks to the user), the .NET images on mcr.microsoft.com, distroless, Chainguard and scratch.
        /// </summary>
        private static bool ShipsNoHealthcheck(string reference)
        {
            if (reference == "scratch")
            {
                return true;
            }

            ImageReference image = ImageReference.Parse(reference);
            if (image.IsDockerHub)
            {
                return image.RepositoryStartsWith("library/");
            }

            return (image.Registry == "mcr.microsoft.com" && image.RepositoryStartsWith("dotnet/"))
                || (image.Registry == "gcr.io" && image.RepositoryStartsWith("distroless/"))
                || (image.Registry == "cgr.dev" && image.RepositoryStartsWith("chainguard/"));
        }

        private static bool IsShellless(ImageReference image)
        {
            string tag = image.Tag.ToLowerInvariant();
            if (image.Registry == "gcr.io" && image.RepositoryStartsWith("distroless/"))
            {
                return tag.IndexOf("debug", StringComparison.Ordinal) < 0;
            }

            if (image.Registry == "cgr.dev" && image.RepositoryStartsWith("chainguard/"))
            {
                return tag != "dev" && !tag.EndsWith("-dev", StringComparison.Ordinal);
            }

            return image.Registry == "mcr.microsoft.com" && image.RepositoryStartsWith("dotnet/")
                && (tag.IndexOf("chiseled", StringComparison.Ordinal) >= 0 || tag.IndexOf("distroless", StringComparison.Ordinal) >= 0);
        }
    }
}
