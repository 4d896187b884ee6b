using System;
using System.Collections.Generic;
using System.Text;

namespace Hardening.Build.Rules.Secrets
{
    /// <summary>
    /// Decides whether a variable name names a secret, by whole words rather than substrings, so that
    /// <c>API_TOKEN</c> and <c>DB_PASSWORD</c> match while <c>KMS_KEY_ALIAS</c>, <c>AUTH_MODE</c>,
    /// <c>PUBLIC_KEY</c> and <c>DB_PASSWORD_FILE</c> do not.
    /// </summary>
    public static class SecretNames
    {
        // A name containing one of these words names a secret.
        private static readonly HashSet<string> SecretWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "PASSWORD", "PASSWD", "PASSPHRASE", "PASS", "PWD", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY",
        };

        // KEY names a secret only after one of these words: API_KEY, SECRET_KEY, STORAGE_ACCOUNT_KEY.
        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "API", "ACCESS", "SECRET", "PRIVATE", "ENCRYPTION", "SIGNING", "MASTER", "ACCOUNT", "LICENSE", "CLIENT", "AUTH", "APP", "SESSION", "JWT", "HMAC", "STORAGE", "SHARED", "SUBSCRIPTION",
        };

        // A name ending in one of these words names something about a secret, not the secret itself:
        // DB_PASSWORD_FILE, TOKEN_URL, PASSWORD_MIN_LENGTH, SECRET_NAME.
        private static readonly HashSet<string> DescriptiveLastWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "FILE", "FILENAME", "PATH", "DIR", "DIRECTORY", "LOCATION", "ALIAS", "MODE", "NAME", "URL", "URI", "ENDPOINT", "HOST",
            "PORT", "TYPE", "LENGTH", "SIZE", "TTL", "EXPIRY", "EXPIRATION", "EXPIRES", "TIMEOUT", "ENABLED", "HEADER", "ALGORITHM",
            "POLICY", "ISSUER", "AUDIENCE", "VERSION", "FORMAT", "METHOD", "PROVIDER", "USER", "USERNAME", "PREFIX", "REF", "LIFETIME",
            "DURATION", "INTERVAL", "COUNT", "LIMIT",
        };

        /// <summary>True when the name names a secret; see the class summary for the word rules.</summary>
        public static bool IsSecretName(string name)
        {
            List<string> words = SplitWords(name);
            if (words.Count == 0 || words.Contains("PUBLIC"))
            {
                return false;
            }

            string last = words[words.Count - 1];
            if (DescriptiveLastWords.Contains(last))
            {
                return false;
            }

            // AWS_ACCESS_KEY_ID and KEY_ID name a key, not its secret part.
            if (last == "ID" && words.Count >= 2 && words[words.Count - 2] == "KEY")
            {
                return false;
            }

            for (int i = 0; i < words.Count; i++)
            {
                string word = words[i];

                // PWD alone is the shell's working directory.
                if (word == "PWD" && words.Count == 1)
                {
                    continue;
                }

                if (SecretWords.Contains(word))
                {
                    return true;
                }

                if (word == "KEY" && i > 0 && KeyQualifiers.Contains(words[i - 1]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Splits a name into upper-case words at '_', '-', '.', ':' and lower-to-upper case changes, so
        /// <c>ConnectionStrings__Db</c> gives CONNECTION, STRINGS, DB.
        /// </summary>
        public static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool separator = c == '_' || c == '-' || c == '.' || c == ':';
                bool caseChange = i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]);
                if ((separator || caseChange) && current.Length > 0)
                {
                    words.Add(current.ToString().ToUpperInvariant());
                    current.Clear();
                }

                if (!separator)
                {
                    current.Append(c);
                }
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString().ToUpperInvariant());
            }

            return words;
        }
    }
}
