using System.Collections.Generic;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// Reports, with HARD0004, the values of the checked fields that Docker Compose or the engine
    /// would reject. The rules still read the intended value, so one mistake gives one diagnostic.
    /// </summary>
    internal static class ComposeValidator
    {
        public static void Validate(ComposeService service, List<Finding> diagnostics)
        {
            ValidateUser(service, diagnostics);
            ValidateBoolean(service, "read_only", diagnostics);
            ValidateBoolean(service, "privileged", diagnostics);
            ValidateList(service, "cap_add", diagnostics);
            ValidateList(service, "cap_drop", diagnostics);
            ValidateList(service, "security_opt", diagnostics);
            ValidateSecurityOptions(service, diagnostics);
            ValidateBytes(service, service.Value("mem_limit"), "mem_limit", stringOnly: false, diagnostics);
            ValidateBytes(service, service.ValueAt("deploy", "resources", "limits", "memory"), "deploy.resources.limits.memory", stringOnly: true, diagnostics);
            ValidateCpus(service, service.Value("cpus"), "cpus", diagnostics);
            ValidateCpus(service, service.ValueAt("deploy", "resources", "limits", "cpus"), "deploy.resources.limits.cpus", diagnostics);
        }

        private static void ValidateUser(ComposeService service, List<Finding> diagnostics)
        {
            ComposeValue? user = service.User;
            if (user == null || ReportInterpolationError(service, user, "user", diagnostics))
            {
                return;
            }

            if (user.RawType != YamlScalarType.String)
            {
                Reject(diagnostics, user, $"Service '{service.Name}': user is the YAML {Describe(user.RawType)} {user.Text}, but Compose accepts only a string. Quote it: `user: \"{user.Text}\"`.");
            }
        }

        private static void ValidateBoolean(ComposeService service, string key, List<Finding> diagnostics)
        {
            ComposeValue? value = service.Value(key);
            if (value == null || ReportInterpolationError(service, value, key, diagnostics) || !value.IsKnown)
            {
                return;
            }

            bool isLegacy = false;
            bool parsed = false;
            bool valid = value.RawType == YamlScalarType.Boolean
                || (value.RawType == YamlScalarType.String && ComposeCasts.TryParseBoolean(value.Text, out parsed, out isLegacy));
            if (!valid)
            {
                Reject(diagnostics, value, $"Service '{service.Name}': {key} is '{value.Text}', which is not a boolean, so Compose rejects it. Write `{key}: true` or `{key}: false`.");
            }
            else if (isLegacy)
            {
                string canonical = parsed ? "true" : "false";
                diagnostics.Add(new Finding(
                    InputDiagnostics.ComposeWarnsAboutValue,
                    value.Location,
                    $"Service '{service.Name}': {key} is '{value.Text}', which Docker Compose reads as {canonical} with a warning. Write `{key}: {canonical}`."));
            }
        }

        private static void ValidateList(ComposeService service, string key, List<Finding> diagnostics)
        {
            YamlEntry? entry = service.Entry(key);
            if (entry?.Value is YamlScalar scalar && !scalar.IsNull)
            {
                diagnostics.Add(new Finding(
                    InputDiagnostics.ComposeRejectsValue,
                    scalar.ReportLocation,
                    $"Service '{service.Name}': {key} is the single value '{scalar.Value}', but Compose requires a list. Write `{key}: [{scalar.Value}]`."));
            }
        }

        private static void ValidateSecurityOptions(ComposeService service, List<Finding> diagnostics)
        {
            foreach (ComposeValue option in service.Values("security_opt"))
            {
                if (ReportInterpolationError(service, option, "security_opt", diagnostics) || !option.IsKnown)
                {
                    continue;
                }

                string text = option.Text.Trim();
                if (!SecurityOptions.TrySplitNoNewPrivileges(text, out string? setting) || setting == null)
                {
                    continue;
                }

                if (!ComposeCasts.TryParseGoBoolean(setting, out _))
                {
                    Reject(diagnostics, option, $"Service '{service.Name}': security option '{text}' has the value '{setting}', which the Docker engine rejects. Write `no-new-privileges:true`.");
                }
            }
        }

        private static void ValidateBytes(ComposeService service, ComposeValue? value, string field, bool stringOnly, List<Finding> diagnostics)
        {
            if (value == null || ReportInterpolationError(service, value, field, diagnostics) || !value.IsKnown)
            {
                return;
            }

            if (stringOnly && value.RawType != YamlScalarType.String)
            {
                Reject(diagnostics, value, $"Service '{service.Name}': {field} is the YAML {Describe(value.RawType)} {value.Text}, but Compose accepts only a string here. Quote it with a unit, for example `memory: \"512m\"`.");
                return;
            }

            if (value.RawType == YamlScalarType.Boolean || !ComposeCasts.TryParseBytes(value.Text, out _))
            {
                Reject(diagnostics, value, $"Service '{service.Name}': {field} is '{value.Text}', which is not a size, so Compose rejects it. Write bytes or a number with a unit such as 256m or 1g.");
            }
        }

        private static void ValidateCpus(ComposeService service, ComposeValue? value, string field, List<Finding> diagnostics)
        {
            if (value == null || ReportInterpolationError(service, value, field, diagnostics) || !value.IsKnown)
            {
                return;
            }

            if (value.RawType == YamlScalarType.Boolean || !ComposeCasts.TryParseCpus(value.Text, out _))
            {
                Reject(diagnostics, value, $"Service '{service.Name}': {field} is '{value.Text}', which is not a number of CPUs, so Compose rejects it. Write a number such as 0.5 or 2.");
            }
        }

        private static bool ReportInterpolationError(ComposeService service, ComposeValue value, string field, List<Finding> diagnostics)
        {
            if (value.InterpolationError == null)
            {
                return false;
            }

            Reject(diagnostics, value, $"Service '{service.Name}': {field} has an invalid interpolation, {value.InterpolationError}. Write ${{NAME}} or ${{NAME:-default}}, and $$ for a literal dollar sign.");
            return true;
        }

        private static void Reject(List<Finding> diagnostics, ComposeValue value, string message) =>
            diagnostics.Add(new Finding(InputDiagnostics.ComposeRejectsValue, value.Location, message));

        private static string Describe(YamlScalarType type) => type switch
        {
            YamlScalarType.Integer => "integer",
            YamlScalarType.Float => "number",
            YamlScalarType.Boolean => "boolean",
            YamlScalarType.Null => "null",
            _ => "string",
        };
    }
}
