using Hardening.Build.Rules.Filesystem;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD2002TmpNotWritableTests
    {
        // Five services: three ways to mount a tmpfs at /tmp, paths that only look like /tmp, and a named volume.
        private const string TmpfsSyntaxes =
            "services:\n" +
            "  a:\n" +
            "    image: registry.example.com/app:1.4.2\n" +
            "    read_only: true\n" +
            "    tmpfs: /tmp\n" +
            "  b:\n" +
            "    image: registry.example.com/app:1.4.2\n" +
            "    read_only: true\n" +
            "    tmpfs:\n" +
            "      - /tmp:size=64m,mode=1777,noexec,nosuid\n" +
            "  c:\n" +
            "    image: registry.example.com/app:1.4.2\n" +
            "    read_only: true\n" +
            "    volumes:\n" +
            "      - type: tmpfs\n" +
            "        target: /tmp\n" +
            "        tmpfs:\n" +
            "          size: 67108864\n" +
            "  d:\n" +
            "    image: registry.example.com/app:1.4.2\n" +
            "    read_only: true\n" +
            "    tmpfs:\n" +
            "      - /tmpdata\n" +
            "      - /tmp/cache\n" +
            "  e:\n" +
            "    image: registry.example.com/app:1.4.2\n" +
            "    read_only: true\n" +
            "    volumes:\n" +
            "      - scratch:/tmp\n" +
            "volumes:\n" +
            "  scratch: {}\n";

        [Fact]
        public void TmpfsSyntaxes_OnlyLookalikePathsReported()
        {
            AssertFindings(Run(new HARD2002TmpNotWritable(), TmpfsSyntaxes), "HARD2002@19:3");
        }

        [Fact]
        public void NamedVolumeAtTmp_ReportedAsPersistent()
        {
            AssertFindings(Run(new HARD2003TmpOnPersistentVolume(), TmpfsSyntaxes), "HARD2003@29:9");
        }

        [Fact]
        public void WritableRootFilesystem_NotChecked()
        {
            string yaml = "services:\n  a:\n    image: x:1\n    read_only: false\n";

            AssertFindings(Run(new HARD2002TmpNotWritable(), yaml));
        }

        [Theory]
        [InlineData("tmpfs: /tmp/")]
        [InlineData("tmpfs: [/run, /tmp]")]
        [InlineData("tmpfs: \"/tmp:size=64m\"")]
        public void OtherTmpfsSpellings_NoFinding(string tmpfs)
        {
            string yaml = "services:\n  a:\n    image: x:1\n    read_only: true\n    " + tmpfs + "\n";

            AssertFindings(Run(new HARD2002TmpNotWritable(), yaml));
        }

        [Fact]
        public void BindMountAtTmp_ReportedAsPersistent()
        {
            string yaml =
                "services:\n" +
                "  a:\n" +
                "    image: x:1\n" +
                "    read_only: true\n" +
                "    volumes:\n" +
                "      - type: bind\n" +
                "        source: ./scratch\n" +
                "        target: /tmp\n";

            AssertFindings(Run(new HARD2003TmpOnPersistentVolume(), yaml), "HARD2003@6:9");
            AssertFindings(Run(new HARD2002TmpNotWritable(), yaml));
        }

        [Fact]
        public void UnsetTmpfsVariable_Unresolved()
        {
            string yaml = "services:\n  a:\n    image: x:1\n    read_only: true\n    tmpfs: ${TMP_DIR}\n";

            AssertFindings(Run(new HARD2002TmpNotWritable(), yaml), "HARD0005@5:12");
        }
    }
}
