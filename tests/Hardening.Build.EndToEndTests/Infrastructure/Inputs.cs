namespace Hardening.Build.EndToEndTests.Infrastructure
{
    /// <summary>File contents shared by the end-to-end tests.</summary>
    internal static class Inputs
    {
        /// <summary>The final stage switches to root on line 2.</summary>
        public const string DockerfileUserRoot = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER root\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        /// <summary>Invalid YAML: the plain scalar on line 3 has a second mapping colon at column 17.</summary>
        public const string BrokenCompose = "services:\n  web:\n    image: nginx: latest\n";

        /// <summary>A Visual Studio docker-compose.dcproj with the default docker-compose.yml and override file.</summary>
        public const string DockerComposeProject =
            "<Project Sdk=\"Microsoft.Docker.Sdk\">\n" +
            "  <PropertyGroup>\n" +
            "    <DockerComposeBaseFilePath>docker-compose</DockerComposeBaseFilePath>\n" +
            "    <DockerServiceName>app</DockerServiceName>\n" +
            "  </PropertyGroup>\n" +
            "</Project>\n";

        /// <summary>Service "web" on line 2, column 3, has no read_only: true.</summary>
        public const string ComposeWithoutReadOnly = "services:\n  web:\n    image: nginx:1.27\n";
    }
}
