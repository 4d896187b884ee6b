using System.Collections.Generic;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules
{
    internal static class CopySources
    {
        /// <summary>The source paths of a COPY or ADD: every word but the destination, with where each starts.</summary>
        public static IEnumerable<KeyValuePair<string, TextPosition>> Of(DockerfileInstruction copy)
        {
            if (copy.IsExecForm)
            {
                for (int i = 0; i < copy.ExecArguments.Count - 1; i++)
                {
                    yield return new KeyValuePair<string, TextPosition>(copy.ExecArguments[i], copy.ArgumentsPosition);
                }

                yield break;
            }

            IReadOnlyList<InstructionWord> words = copy.Words;
            for (int i = 0; i < words.Count - 1; i++)
            {
                yield return new KeyValuePair<string, TextPosition>(words[i].Text, words[i].Position);
            }
        }
    }
}
