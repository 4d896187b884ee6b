#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    // Lets netstandard2.0 code use init accessors and records; the .NET 5+ runtime defines this type itself.
    internal static class IsExternalInit
    {
    }
}
#endif
