using System;
using System.Globalization;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// The conversions Docker Compose v2 and the Docker engine apply to Compose values after
    /// interpolation. Each returns false for text they would reject.
    /// </summary>
    public static class ComposeCasts
    {
        /// <summary>
        /// Reads a boolean field such as <c>read_only</c> or <c>privileged</c>: <c>true</c>/<c>false</c> in any
        /// case; <c>y</c>, <c>yes</c>, <c>on</c> and <c>n</c>, <c>no</c>, <c>off</c> are accepted with a Compose warning.
        /// </summary>
        public static bool TryParseBoolean(string text, out bool value, out bool isLegacySpelling)
        {
            isLegacySpelling = false;
            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                    value = true;
                    return true;
                case "false":
                    value = false;
                    return true;
                case "y":
                case "yes":
                case "on":
                    value = true;
                    isLegacySpelling = true;
                    return true;
                case "n":
                case "no":
                case "off":
                    value = false;
                    isLegacySpelling = true;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        /// <summary>Go's <c>strconv.ParseBool</c>, which the engine applies to <c>no-new-privileges</c> values.</summary>
        public static bool TryParseGoBoolean(string text, out bool value)
        {
            switch (text)
            {
                case "1":
                case "t":
                case "T":
                case "TRUE":
                case "true":
                case "True":
                    value = true;
                    return true;
                case "0":
                case "f":
                case "F":
                case "FALSE":
                case "false":
                case "False":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        /// <summary>
        /// Reads a byte size as Compose does for <c>mem_limit</c> and <c>deploy.resources.limits.memory</c>:
        /// a plain integer is bytes (<c>-1</c> allowed); otherwise a decimal number, an optional space and a
        /// suffix b, k, m, g, t or p, optionally followed by b or ib, in any case. Every multiplier is 1024.
        /// </summary>
        public static bool TryParseBytes(string text, out long bytes)
        {
            string trimmed = text.Trim();
            if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out bytes))
            {
                return bytes >= -1;
            }

            int numberEnd = 0;
            while (numberEnd < trimmed.Length && ((trimmed[numberEnd] >= '0' && trimmed[numberEnd] <= '9') || trimmed[numberEnd] == '.'))
            {
                numberEnd++;
            }

            if (numberEnd == 0
                || !double.TryParse(trimmed.Substring(0, numberEnd), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
            {
                bytes = 0;
                return false;
            }

            // The suffix is an optional unit letter, then an optional 'i', then an optional 'b'.
            string suffix = trimmed.Substring(numberEnd).ToLowerInvariant();
            int position = suffix.StartsWith(" ", StringComparison.Ordinal) ? 1 : 0;
            int power = 0;
            if (position < suffix.Length)
            {
                power = "kmgtp".IndexOf(suffix[position]) + 1;
                if (power > 0)
                {
                    position++;
                }
            }

            if (position < suffix.Length && suffix[position] == 'i')
            {
                position++;
            }

            if (position < suffix.Length && suffix[position] == 'b')
            {
                position++;
            }

            if (position != suffix.Length)
            {
                bytes = 0;
                return false;
            }

            double value = number * Math.Pow(1024, power);
            if (value > long.MaxValue)
            {
                bytes = 0;
                return false;
            }

            bytes = (long)value;
            return true;
        }

        /// <summary>Reads a CPU count such as <c>0.5</c>, <c>"2"</c> or <c>'0.50'</c>; 0 means no limit.</summary>
        public static bool TryParseCpus(string text, out double cpus)
        {
            return double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out cpus)
                && cpus >= 0
                && !double.IsInfinity(cpus);
        }

        /// <summary>
        /// Normalises a capability as the engine does: upper case, and <c>CAP_</c> added when missing, so
        /// <c>net_admin</c> and <c>CAP_NET_ADMIN</c> compare equal. <c>ALL</c> in any case stays <c>ALL</c>;
        /// <c>CAP_ALL</c> is not ALL (the engine rejects it as an unknown capability).
        /// </summary>
        public static string NormalizeCapability(string text)
        {
            string upper = text.Trim().ToUpperInvariant();
            if (upper == "ALL")
            {
                return upper;
            }

            return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
        }
    }
}
