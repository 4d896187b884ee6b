using System;
using System.Globalization;
using System.Text;

namespace Hardening.Build.Benchmarks
{
    /// <summary>
    /// Writes deterministic Dockerfiles and Compose files of a requested size, made of the constructs
    /// real files use: continuations, heredocs, ARG and ENV expansion, exec form, anchors, merge keys,
    /// interpolation with defaults, and an override file. The same arguments always give the same text.
    /// </summary>
    public static class InputGenerator
    {
        private static readonly string[] s_baseImages =
        {
            "mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}",
            "mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}",
            "mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled",
            "debian:bookworm-slim",
            "gcr.io/distroless/base-debian12:nonroot",
        };

        /// <summary>
        /// Creates a Dockerfile of about <paramref name="targetBytes"/> bytes (at least one block per
        /// stage) with <paramref name="stages"/> stages. Odd-numbered stages build on the previous stage.
        /// </summary>
        public static string Dockerfile(int targetBytes, int stages)
        {
            var text = new StringBuilder(targetBytes + 1024);
            text.Append("# syntax=docker/dockerfile:1\n");
            text.Append("ARG DOTNET_VERSION=10.0\n");
            int perStage = Math.Max(1, targetBytes / stages);

            for (int stage = 0; stage < stages; stage++)
            {
                int stageStart = text.Length;
                string from = stage % 2 == 1 ? $"stage{stage - 1}" : s_baseImages[(stage / 2) % s_baseImages.Length];
                text.Append("FROM ").Append(from).Append(" AS stage").Append(stage).Append('\n');
                text.Append("ARG BUILD_CONFIGURATION=Release\n");
                text.Append("WORKDIR /src/stage").Append(stage).Append('\n');

                int block = 0;
                do
                {
                    AppendDockerfileBlock(text, stage, block);
                    block++;
                }
                while (text.Length - stageStart < perStage && text.Length < targetBytes);

                if (stage == stages - 1)
                {
                    text.Append("EXPOSE 8080\n");
                    text.Append("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
                }
            }

            return text.ToString();
        }

        private static void AppendDockerfileBlock(StringBuilder text, int stage, int block)
        {
            switch (block % 6)
            {
                case 0:
                    text.Append("# Restore first so that the layer is cached while only sources change.\n");
                    text.Append("COPY [\"src/App").Append(block).Append("/App.csproj\", \"src/App").Append(block).Append("/\"]\n");
                    text.Append("RUN dotnet restore \"src/App").Append(block).Append("/App.csproj\"\n");
                    break;
                case 1:
                    // No value refers to its own name: `PATH=/x:$PATH` in every block would grow the
                    // value with the file and make the expansion cost quadratic in the input size.
                    text.Append("ENV APP_HOME=/app/").Append(block).Append(" \\\n");
                    text.Append("    APP_BIN=${APP_HOME}/bin \\\n");
                    text.Append("    ASPNETCORE_HTTP_PORTS=8080\n");
                    break;
                case 2:
                    text.Append("RUN apt-get update \\\n");
                    text.Append("    && apt-get install -y --no-install-recommends curl ca-certificates \\\n");
                    text.Append("    && rm -rf /var/lib/apt/lists/*\n");
                    break;
                case 3:
                    text.Append("RUN <<EOF\n");
                    text.Append("set -eu\n");
                    text.Append("echo \"building stage ").Append(stage).Append(" block ").Append(block).Append("\"\n");
                    text.Append("EOF\n");
                    break;
                case 4:
                    text.Append("RUN dotnet publish \"src/App.csproj\" -c $BUILD_CONFIGURATION -o ${APP_HOME:-/app}/publish /p:UseAppHost=false\n");
                    break;
                default:
                    text.Append("LABEL org.opencontainers.image.source=\"https://example.com/app\" block=\"").Append(block).Append("\"\n");
                    text.Append(block % 12 == 5 ? "USER $APP_UID\n" : "USER root\n");
                    break;
            }
        }

        /// <summary>
        /// Creates a Compose file with <paramref name="services"/> services and about
        /// <paramref name="targetBytes"/> bytes, padded with long scalar values so that the node count
        /// stays below the loader's limit. Every other service builds the Dockerfile in
        /// <paramref name="buildContext"/>.
        /// </summary>
        /// <remarks>
        /// A full service is about 38 YAML nodes, counting the merge key's copies, and the loader stops
        /// at 100,000 nodes. Above 2,000 services each service is therefore written without the merge
        /// key, build args, environment and deploy blocks, about 16 nodes.
        /// </remarks>
        public static string ComposeFile(int targetBytes, int services, string buildContext = "./app")
        {
            var text = new StringBuilder(targetBytes + 1024);
            text.Append("name: bench\n");
            text.Append("x-defaults: &defaults\n");
            text.Append("  restart: unless-stopped\n");
            text.Append("  logging:\n");
            text.Append("    driver: json-file\n");
            text.Append("services:\n");

            bool lean = services > 2000;
            int perService = Math.Max(1, (targetBytes - text.Length) / services);
            for (int service = 0; service < services; service++)
            {
                int serviceStart = text.Length;
                string name = ServiceName(service);
                text.Append("  ").Append(name).Append(":\n");
                if (!lean)
                {
                    text.Append("    <<: *defaults\n");
                }

                if (service % 2 == 0)
                {
                    text.Append("    build:\n");
                    text.Append("      context: ").Append(buildContext).Append('\n');
                    text.Append("      dockerfile: Dockerfile\n");
                    if (!lean)
                    {
                        text.Append("      args:\n");
                        text.Append("        BUILD_CONFIGURATION: ${CONFIGURATION:-Release}\n");
                    }
                }
                else
                {
                    text.Append("    image: registry.example.com/team/").Append(name).Append(":${TAG:-1.4.2}\n");
                }

                text.Append("    ports:\n");
                text.Append("      - \"").Append(8000 + (service % 1000)).Append(":8080\"\n");
                if (!lean)
                {
                    text.Append("    environment:\n");
                    text.Append("      ASPNETCORE_ENVIRONMENT: ${ENVIRONMENT:-Production}\n");
                    text.Append("    deploy:\n");
                    text.Append("      resources:\n");
                    text.Append("        limits:\n");
                    text.Append("          memory: 256M\n");
                }

                int padding = perService - (text.Length - serviceStart) - 40;
                if (padding > 0)
                {
                    text.Append("    command: [\"dotnet\", \"App.dll\", \"--settings=");
                    AppendPadding(text, padding);
                    text.Append("\"]\n");
                }
            }

            return text.ToString();
        }

        /// <summary>Creates the override file: a user for every third service, read_only for every other one.</summary>
        public static string ComposeOverride(int services)
        {
            var text = new StringBuilder(services * 48);
            text.Append("services:\n");
            for (int service = 0; service < services; service++)
            {
                text.Append("  ").Append(ServiceName(service)).Append(":\n");
                text.Append(service % 3 == 0 ? "    user: \"1000:1000\"\n" : "    cap_drop: [ALL]\n");
                if (service % 2 == 1)
                {
                    text.Append("    read_only: true\n");
                }
            }

            return text.ToString();
        }

        public static string ServiceName(int service) => "svc" + service.ToString("D5", CultureInfo.InvariantCulture);

        private static void AppendPadding(StringBuilder text, int count)
        {
            const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            for (int i = 0; i < count; i++)
            {
                text.Append(Alphabet[i % Alphabet.Length]);
            }
        }
    }
}
