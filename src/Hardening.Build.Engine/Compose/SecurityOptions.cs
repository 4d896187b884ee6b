using System;

namespace Hardening.Build.Compose
{
    /// <summary>How the Docker engine reads <c>security_opt</c> entries.</summary>
    public static class SecurityOptions
    {
        private const string NoNewPrivileges = "no-new-privileges";

        /// <summary>
        /// Recognises a no-new-privileges entry: the bare name (setting null, meaning on), or the name
        /// followed by '=' or the deprecated ':' and a value. Keys are case-sensitive, as in the engine.
        /// </summary>
        public static bool TrySplitNoNewPrivileges(string option, out string? setting)
        {
            setting = null;
            if (option == NoNewPrivileges)
            {
                return true;
            }

            if (option.Length > NoNewPrivileges.Length
                && option.StartsWith(NoNewPrivileges, StringComparison.Ordinal)
                && (option[NoNewPrivileges.Length] == '=' || option[NoNewPrivileges.Length] == ':'))
            {
                setting = option.Substring(NoNewPrivileges.Length + 1);
                return true;
            }

            return false;
        }
    }
}
