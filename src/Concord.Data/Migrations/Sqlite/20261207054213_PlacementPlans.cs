using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlacementPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlacementPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScenarioName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTravelKm = table.Column<double>(type: "REAL", nullable: false),
                    TravelCostPerKm = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Children = table.Column<string>(type: "TEXT", nullable: false),
                    Alone = table.Column<string>(type: "TEXT", nullable: false),
                    Sharing = table.Column<string>(type: "TEXT", nullable: false),
                    Differences = table.Column<string>(type: "TEXT", nullable: false),
                    CombinedDifference = table.Column<string>(type: "TEXT", nullable: false),
                    ObjectiveSaved = table.Column<long>(type: "INTEGER", nullable: false),
                    SolveMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    TotalMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    RunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementPlans_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementPlans_Scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementPlans_PartnershipId_RunAt",
                table: "PlacementPlans",
                columns: new[] { "PartnershipId", "RunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementPlans_ScenarioId",
                table: "PlacementPlans",
                column: "ScenarioId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlacementPlans");
        }
    }
}
