using System;

namespace Hardening.Build
{
    /// <summary>
    /// A position in a checked file. Lines and columns are 1-based; 0 means unknown.
    /// </summary>
    public readonly struct SourceLocation : IEquatable<SourceLocation>
    {
        public SourceLocation(string filePath, int line, int column, int endLine = 0, int endColumn = 0)
        {
            FilePath = filePath;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        /// <summary>Absolute path of the file.</summary>
        public string FilePath { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>Last line of the span, kept for SARIF; MSBuild events leave it at 0.</summary>
        public int EndLine { get; }

        public int EndColumn { get; }

        public bool IsKnown => FilePath != null && Line > 0;

        public static SourceLocation StartOf(string filePath) => new SourceLocation(filePath, 1, 1);

        public bool Equals(SourceLocation other) =>
            string.Equals(FilePath, other.FilePath, StringComparison.Ordinal)
            && Line == other.Line
            && Column == other.Column
            && EndLine == other.EndLine
            && EndColumn == other.EndColumn;

        public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = FilePath == null ? 0 : StringComparer.Ordinal.GetHashCode(FilePath);
                hash = (hash * 397) ^ Line;
                hash = (hash * 397) ^ Column;
                return hash;
            }
        }

        public override string ToString() => $"{FilePath}({Line},{Column})";
    }
}
