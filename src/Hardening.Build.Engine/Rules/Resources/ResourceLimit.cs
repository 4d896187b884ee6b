using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Resources
{
    /// <summary>The outcome of reading a limit that can be set in two places.</summary>
    internal enum LimitState
    {
        Limited,
        Missing,
        Zero,
        Unknown,
        Invalid,
    }

    /// <summary>
    /// Reads a limit from the service-level key and from <c>deploy.resources.limits</c>: any value above
    /// 0 in either place is a limit. Compose itself rejects the two when they differ.
    /// </summary>
    internal static class ResourceLimit
    {
        public delegate bool Parser(string text, out double amount);

        public static LimitState Read(IEnumerable<ComposeValue?> values, Parser parse, out ComposeValue? decisive)
        {
            decisive = null;
            LimitState state = LimitState.Missing;
            foreach (ComposeValue? value in values)
            {
                if (value == null)
                {
                    continue;
                }

                if (!value.IsKnown)
                {
                    state = Worse(state, LimitState.Unknown, value, ref decisive);
                }
                else if (!parse(value.Text, out double amount))
                {
                    state = Worse(state, LimitState.Invalid, value, ref decisive);
                }
                else if (amount > 0)
                {
                    decisive = value;
                    return LimitState.Limited;
                }
                else
                {
                    state = Worse(state, LimitState.Zero, value, ref decisive);
                }
            }

            return state;
        }

        public static bool ParseBytes(string text, out double amount)
        {
            bool ok = ComposeCasts.TryParseBytes(text, out long bytes);
            amount = bytes;
            return ok;
        }

        public static bool ParseCpus(string text, out double amount) => ComposeCasts.TryParseCpus(text, out amount);

        // An unknown or invalid value is more informative than a zero, and a zero more than nothing.
        private static LimitState Worse(LimitState current, LimitState candidate, ComposeValue value, ref ComposeValue? decisive)
        {
            if (current == LimitState.Missing || Rank(candidate) > Rank(current))
            {
                decisive = value;
                return candidate;
            }

            return current;
        }

        private static int Rank(LimitState state) => state switch
        {
            LimitState.Zero => 1,
            LimitState.Invalid => 2,
            LimitState.Unknown => 3,
            _ => 0,
        };
    }
}
