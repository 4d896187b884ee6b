namespace Hardening.Build.Syntax.Yaml
{
    /// <summary>
    /// Resolves plain scalars by the YAML 1.2 core schema, which Docker Compose v2 uses. Unlike
    /// YAML 1.1, it reads <c>yes</c>, <c>on</c> and <c>22:22</c> as strings.
    /// </summary>
    /// <remarks>Hand-written scanners instead of regular expressions, because this runs for every scalar of every build.</remarks>
    internal static class YamlCoreSchema
    {
        public static YamlScalarType ResolvePlain(string value)
        {
            if (IsNull(value))
            {
                return YamlScalarType.Null;
            }

            if (IsBoolean(value))
            {
                return YamlScalarType.Boolean;
            }

            if (IsInteger(value))
            {
                return YamlScalarType.Integer;
            }

            return IsFloat(value) ? YamlScalarType.Float : YamlScalarType.String;
        }

        /// <summary>Matches the empty string, <c>~</c> and <c>null|Null|NULL</c>.</summary>
        public static bool IsNull(string value) =>
            value.Length == 0 || value == "~" || value == "null" || value == "Null" || value == "NULL";

        /// <summary>Matches <c>true|True|TRUE|false|False|FALSE</c>.</summary>
        public static bool IsBoolean(string value) =>
            value == "true" || value == "True" || value == "TRUE"
            || value == "false" || value == "False" || value == "FALSE";

        /// <summary>Matches <c>[-+]?[0-9]+</c>, <c>0o[0-7]+</c> and <c>0x[0-9a-fA-F]+</c>.</summary>
        public static bool IsInteger(string value)
        {
            if (value.Length > 2 && value[0] == '0' && value[1] == 'o')
            {
                return AllDigits(value, 2, 8);
            }

            if (value.Length > 2 && value[0] == '0' && value[1] == 'x')
            {
                return AllDigits(value, 2, 16);
            }

            int start = value.Length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
            return value.Length > start && AllDigits(value, start, 10);
        }

        /// <summary>
        /// Matches <c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, <c>[-+]?\.(inf|Inf|INF)</c>
        /// and <c>\.(nan|NaN|NAN)</c>. Integers match too, as in the schema.
        /// </summary>
        public static bool IsFloat(string value)
        {
            if (value == ".nan" || value == ".NaN" || value == ".NAN")
            {
                return true;
            }

            int i = value.Length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
            if (string.CompareOrdinal(value, i, ".inf", 0, int.MaxValue) == 0
                || string.CompareOrdinal(value, i, ".Inf", 0, int.MaxValue) == 0
                || string.CompareOrdinal(value, i, ".INF", 0, int.MaxValue) == 0)
            {
                return true;
            }

            int integerDigits = CountDigits(value, i);
            i += integerDigits;
            int fractionDigits = 0;
            if (i < value.Length && value[i] == '.')
            {
                fractionDigits = CountDigits(value, i + 1);
                i += 1 + fractionDigits;
            }

            // A mantissa needs a digit: "1", "1.", ".5" and "1.5" qualify, a lone "." does not.
            if (integerDigits == 0 && fractionDigits == 0)
            {
                return false;
            }

            if (i < value.Length && (value[i] == 'e' || value[i] == 'E'))
            {
                i++;
                if (i < value.Length && (value[i] == '-' || value[i] == '+'))
                {
                    i++;
                }

                int exponentDigits = CountDigits(value, i);
                if (exponentDigits == 0)
                {
                    return false;
                }

                i += exponentDigits;
            }

            return i == value.Length;
        }

        private static int CountDigits(string value, int start)
        {
            int i = start;
            while (i < value.Length && value[i] >= '0' && value[i] <= '9')
            {
                i++;
            }

            return i - start;
        }

        private static bool AllDigits(string value, int start, int radix)
        {
            for (int i = start; i < value.Length; i++)
            {
                char c = value[i];
                bool isDigit = radix switch
                {
                    8 => c >= '0' && c <= '7',
                    10 => c >= '0' && c <= '9',
                    _ => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'),
                };
                if (!isDigit)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
