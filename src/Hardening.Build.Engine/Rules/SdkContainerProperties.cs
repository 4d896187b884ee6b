using System;
using System.Collections.Generic;

namespace Hardening.Build.Rules
{
    /// <summary>
    /// Reads the .NET SDK's container publishing properties (<c>dotnet publish /t:PublishContainer</c>)
    /// from the project's settings, as the SDK's Microsoft.NET.Build.Containers.targets read them.
    /// </summary>
    internal static class SdkContainerProperties
    {
        public const string EnableSdkContainerSupport = "EnableSdkContainerSupport";
        public const string IsPublishable = "IsPublishable";
        public const string ContainerUser = "ContainerUser";
        public const string ContainerBaseImage = "ContainerBaseImage";
        public const string ContainerFamily = "ContainerFamily";
        public const string ContainerImageTag = "ContainerImageTag";
        public const string ContainerImageTags = "ContainerImageTags";
        public const string ContainerRepository = "ContainerRepository";
        public const string ContainerRuntimeIdentifier = "ContainerRuntimeIdentifier";
        public const string RuntimeIdentifier = "RuntimeIdentifier";
        public const string TargetFrameworkIdentifier = "TargetFrameworkIdentifier";
        public const string TargetFrameworkVersion = "TargetFrameworkVersion";

        /// <summary>
        /// Whether the SDK's PublishContainer target would run: its condition is IsPublishable and
        /// EnableSdkContainerSupport both <c>true</c>. The SDK sets EnableSdkContainerSupport to true for
        /// web projects and for any project whose OutputType is not Library, and IsPublishable to true
        /// unless the project sets it to false, so a missing IsPublishable counts as true.
        /// </summary>
        public static bool IsEnabled(RuleSettings settings) =>
            IsTrue(Get(settings, EnableSdkContainerSupport)) && !IsFalse(Get(settings, IsPublishable));

        /// <summary>Returns the trimmed value of a property, or null when it is unset or empty.</summary>
        public static string? Get(RuleSettings settings, string name)
        {
            if (settings.ProjectProperties.TryGetValue(name, out string? value) && value.Trim().Length > 0)
            {
                return value.Trim();
            }

            return null;
        }

        /// <summary>The .NET major version the project targets, such as 8 for net8.0; 0 when it is not .NET (Core) or unknown.</summary>
        public static int TargetDotNetMajorVersion(RuleSettings settings)
        {
            if (!string.Equals(Get(settings, TargetFrameworkIdentifier), ".NETCoreApp", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            string version = (Get(settings, TargetFrameworkVersion) ?? string.Empty).TrimStart('v', 'V');
            int dot = version.IndexOf('.');
            string major = dot < 0 ? version : version.Substring(0, dot);
            return int.TryParse(major, out int number) ? number : 0;
        }

        /// <summary>Whether the container's runtime identifier is a Windows one, from ContainerRuntimeIdentifier or else RuntimeIdentifier.</summary>
        public static bool TargetsWindows(RuleSettings settings)
        {
            string rid = Get(settings, ContainerRuntimeIdentifier) ?? Get(settings, RuntimeIdentifier) ?? string.Empty;
            return rid.StartsWith("win", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Splits ContainerImageTags as the SDK does, at <c>;</c>.</summary>
        public static IReadOnlyList<string> SplitTags(string tags)
        {
            var result = new List<string>();
            foreach (string part in tags.Split(';'))
            {
                if (part.Trim().Length > 0)
                {
                    result.Add(part.Trim());
                }
            }

            return result;
        }

        private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

        private static bool IsFalse(string? value) => string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
    }
}
