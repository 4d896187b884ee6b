using System.Linq;
using Hardening.Build.Syntax.Dockerfile;
using Xunit;
using static Hardening.Build.Tests.Dockerfile.DockerfileTestHelpers;

namespace Hardening.Build.Tests.Dockerfile
{
    public class DockerfileParserTests
    {
        private static DockerfileInstruction[] Users(DockerfileSyntaxTree tree) =>
            tree.Instructions.Where(i => i.Keyword == "USER").ToArray();

        [Fact]
        public void WordPositionsAcrossContinuations()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine:3.20",
                "ENV A=1 \\",
                "    B=2 \\",
                "# a comment inside the continuation",
                "  C=3"));

            DockerfileInstruction env = tree.Instructions[1];
            Assert.Equal(3, env.Words.Count);
            Assert.Equal(new TextPosition(2, 5), env.Words[0].Position);
            Assert.Equal(new TextPosition(3, 5), env.Words[1].Position);
            Assert.Equal(new TextPosition(5, 3), env.Words[2].Position);
            Assert.Equal(new TextPosition(5, 6), env.PositionOf(env.Arguments.Length));
        }

        [Fact]
        public void HeredocBodyIsNotInstruction()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0",
                "COPY <<EOF /app/NOTES.txt",
                "USER root",
                "EOF",
                "USER $APP_UID"));

            Assert.Null(tree.Error);
            DockerfileInstruction user = Assert.Single(Users(tree));
            Assert.Equal(5, user.Position.Line);
            DockerfileInstruction copy = tree.Instructions[1];
            Assert.Equal("USER root\n", Assert.Single(copy.Heredocs).Body);
            Assert.Equal(4, copy.EndLine);
        }

        [Fact]
        public void BlankContinuationLineJoinsNext()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM node:20-alpine",
                "USER node",
                "RUN echo start \\",
                "",
                "USER root",
                "CMD [\"node\", \"server.js\"]"));

            Assert.Null(tree.Error);
            Assert.True(tree.HasEmptyContinuationLine);
            Assert.Single(Users(tree));
            DockerfileInstruction run = tree.Instructions[2];
            Assert.Equal("echo start USER root", run.Arguments);
            Assert.Equal(3, run.Position.Line);
            Assert.Equal(5, run.EndLine);
        }

        [Fact]
        public void DirectiveAfterCommentIsComment()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "# Base image for the API",
                "# escape=`",
                "FROM alpine",
                "RUN echo one `",
                "USER root"));

            Assert.Equal('\\', tree.EscapeCharacter);
            Assert.Empty(tree.Directives);
            DockerfileInstruction user = Assert.Single(Users(tree));
            Assert.Equal(5, user.Position.Line);
        }

        [Fact]
        public void BacktickEscapeDirective()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "# escape=`",
                "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022",
                "COPY app C:\\app\\",
                "USER `",
                "    ContainerAdministrator"));

            Assert.Null(tree.Error);
            Assert.Equal('`', tree.EscapeCharacter);
            Assert.Equal("C:\\app\\", tree.Instructions[1].Words[1].Text);
            DockerfileInstruction user = Assert.Single(Users(tree));
            Assert.Equal("ContainerAdministrator", user.Arguments);
            Assert.Equal(4, user.Position.Line);
            Assert.Equal(5, user.EndLine);
        }

        [Fact]
        public void TrailingTextBreaksExecForm()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine",
                "USER 1000",
                "CMD [\"sh\", \"-c\", \"echo hi\"] # greet"));

            Assert.Null(tree.Error);
            DockerfileInstruction cmd = tree.Instructions[2];
            Assert.False(cmd.IsExecForm);
            Assert.Equal("[\"sh\", \"-c\", \"echo hi\"] # greet", cmd.Arguments);
        }

        [Fact]
        public void ExecFormParsed()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("FROM alpine", "CMD [\"node\", \"a\\\\b\"]"));

            DockerfileInstruction cmd = tree.Instructions[1];
            Assert.True(cmd.IsExecForm);
            Assert.Equal(new[] { "node", "a\\b" }, cmd.ExecArguments);
        }

        [Theory]
        [InlineData("CMD ['a', 'b']")]
        [InlineData("CMD [\"c:\\windows\"]")]
        [InlineData("CMD [\"a\", \"b\"")]
        public void InvalidJsonFallsBackToShell(string line)
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("FROM alpine", line));

            Assert.Null(tree.Error);
            Assert.False(tree.Instructions[1].IsExecForm);
        }

        [Fact]
        public void TabStrippedQuotedHeredoc()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine",
                "COPY <<-\"EOT\" /entry.sh",
                "\t#!/bin/sh",
                "\texec \"$@\"",
                "\tEOT",
                "USER 1000"));

            Assert.Null(tree.Error);
            Heredoc heredoc = Assert.Single(tree.Instructions[1].Heredocs);
            Assert.Equal("EOT", heredoc.Name);
            Assert.True(heredoc.StripsLeadingTabs);
            Assert.False(heredoc.Expands);
            Assert.Equal("#!/bin/sh\nexec \"$@\"\n", heredoc.Body);
            Assert.Equal(6, Assert.Single(Users(tree)).Position.Line);
        }

        [Fact]
        public void PlainHeredocWithTabsIsUnterminated()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine",
                "COPY <<\"EOT\" /entry.sh",
                "\texec \"$@\"",
                "\tEOT",
                "USER 1000"));

            Assert.NotNull(tree.Error);
            Assert.Equal(2, tree.Error!.Position.Line);
            Assert.Equal(6, tree.Error.Position.Column);
            Assert.Contains("never closed", tree.Error.Message);
        }

        [Fact]
        public void SeveralHeredocsOnOneLine()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine",
                "RUN <<A cat >a && <<'B' cat >b",
                "one",
                "A",
                "two",
                "B",
                "USER 1000"));

            Assert.Null(tree.Error);
            Heredoc[] heredocs = tree.Instructions[1].Heredocs.ToArray();
            Assert.Equal(new[] { "A", "B" }, heredocs.Select(h => h.Name));
            Assert.Equal("two\n", heredocs[1].Body);
            Assert.True(heredocs[0].Expands);
            Assert.False(heredocs[1].Expands);
            Assert.Equal(7, Assert.Single(Users(tree)).Position.Line);
        }

        [Fact]
        public void OnbuildHeredocBody()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine",
                "ONBUILD RUN <<EOF",
                "USER root",
                "EOF",
                "USER 1000"));

            Assert.Null(tree.Error);
            DockerfileInstruction onbuild = tree.Instructions[1];
            Assert.Equal("RUN", onbuild.Trigger!.Keyword);
            Assert.Equal(9, onbuild.Trigger.Position.Column);
            Assert.Single(onbuild.Trigger.Heredocs);
            Assert.Single(Users(tree));
        }

        [Fact]
        public void HeredocOnlyInRunCopyAdd()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine",
                "LABEL a=<<EOF",
                "USER root"));

            Assert.Empty(tree.Instructions[1].Heredocs);
            Assert.Single(Users(tree));
        }

        [Fact]
        public void DoubledEscapeIsNotContinuation()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine",
                "ENV C=trailing\\\\",
                "USER root"));

            Assert.Equal(3, tree.Instructions.Count);
            Assert.Equal(3, Assert.Single(Users(tree)).Position.Line);
        }

        [Fact]
        public void ContinuationWithTrailingSpaces()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("FROM alpine", "RUN a \\  \t", "  b"));

            Assert.Equal("a   b", tree.Instructions[1].Arguments);
        }

        [Fact]
        public void KeywordSplitByContinuationAndComment()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM alpine:3.20",
                "RUN adduser -D -u 10001 app",
                "USER app",
                "US\\",
                "# split keyword",
                "ER root",
                "CMD [\"sh\"]"));

            Assert.Null(tree.Error);
            DockerfileInstruction user = Users(tree)[1];
            Assert.Equal("root", user.Arguments);
            Assert.Equal(4, user.Position.Line);
            Assert.Equal(6, user.EndLine);
            Assert.Equal(new TextPosition(6, 4), user.ArgumentsPosition);
        }

        [Fact]
        public void LowerCaseKeywords()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("from alpine:3.20", "user root"));

            Assert.Null(tree.Error);
            Assert.Equal("USER", tree.Instructions[1].Keyword);
            Assert.Equal("user", tree.Instructions[1].KeywordAsWritten);
        }

        [Fact]
        public void CrLfLineEnds()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse("FROM alpine\r\nRUN a \\\r\n b\r\nUSER 1000\r\n");

            Assert.Null(tree.Error);
            Assert.Equal("a  b", tree.Instructions[1].Arguments);
            Assert.Equal("1000", tree.Instructions[2].Arguments);
            Assert.Equal(4, tree.Instructions[2].Position.Line);
        }

        [Fact]
        public void ByteOrderMarkDropped()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse("\uFEFF# escape=`\nFROM alpine\n");

            Assert.Null(tree.Error);
            Assert.Equal('`', tree.EscapeCharacter);
        }

        [Fact]
        public void IndentedKeywordColumn()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("FROM alpine", "  \tUSER 1000 # x"));

            DockerfileInstruction user = tree.Instructions[1];
            Assert.Equal(new TextPosition(2, 4), user.Position);
            Assert.Equal("1000 # x", user.Arguments);
        }

        [Fact]
        public void FlagsAndUnknownFlags()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines(
                "FROM --platform=$BUILDPLATFORM golang:1.22 AS build",
                "COPY --exclude=*.md --parents --chown=app:app ./src ./",
                "RUN --network=none true"));

            Assert.Null(tree.Error);
            DockerfileInstruction from = tree.Instructions[0];
            Assert.Equal("$BUILDPLATFORM", from.GetFlag("platform")!.Value);
            Assert.Equal(new TextPosition(1, 6), from.Flags[0].Position);
            Assert.Equal(new[] { "golang:1.22", "AS", "build" }, from.Words.Select(w => w.Text));
            DockerfileInstruction copy = tree.Instructions[1];
            Assert.Equal(new[] { "exclude", "parents", "chown" }, copy.Flags.Select(f => f.Name));
            Assert.Null(copy.GetFlag("parents")!.Value);
            Assert.Equal("./src ./", copy.Arguments);
        }

        [Fact]
        public void DirectiveWithSpacesAndCase()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("#  ESCAPE = `", "# check=skip=all", "FROM alpine"));

            Assert.Equal('`', tree.EscapeCharacter);
            Assert.Equal("skip=all", tree.GetDirective("check")!.Value);
        }

        [Fact]
        public void UnknownDirectiveStopsScanning()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("# foo=bar", "# escape=`", "FROM alpine"));

            Assert.Equal('\\', tree.EscapeCharacter);
        }

        [Fact]
        public void InstructionsAfterErrorKept()
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(Lines("FROM alpine", "FOO bar", "CMD [\"sleep\", 10]", "USER root"));

            Assert.Equal(new TextPosition(2, 1), tree.Error!.Position);
            Assert.Equal(4, tree.Instructions.Count);
            Assert.False(tree.Instructions[1].IsKnown);
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n\n")]
        [InlineData("# only a comment\n")]
        [InlineData("\\")]
        [InlineData("RUN <<EOF")]
        [InlineData("FROM a\nRUN ${\nCMD [1]")]
        [InlineData("FROM\nUSER\nENV\nARG\nONBUILD\nHEALTHCHECK\n")]
        [InlineData("FROM a\nCMD [\"\\u12\"]\nCMD [1, {\"a\": [true, null, -1.5e3]}]")]
        [InlineData("# escape=\\\n# escape=`\n")]
        public void NeverThrows(string text)
        {
            DockerfileSyntaxTree tree = DockerfileParser.Parse(text);

            Assert.NotNull(tree.Error);
        }
    }
}
