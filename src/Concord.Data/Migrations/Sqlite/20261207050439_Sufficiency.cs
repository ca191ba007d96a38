using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sufficiency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EhcpBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    CalibratedTo = table.Column<int>(type: "INTEGER", nullable: true),
                    CalibrationSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LoadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcpBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcpBatches_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Provisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Urn = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AgeFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeTo = table.Column<int>(type: "INTEGER", nullable: false),
                    CommissionedPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    PhysicalPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    Needs = table.Column<string>(type: "TEXT", nullable: false),
                    AnnualCostPerPlace = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Opens = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Closes = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedChanges = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Provisions_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scenarios_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SufficiencySettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CostBands = table.Column<string>(type: "TEXT", nullable: false),
                    NeedMix = table.Column<string>(type: "TEXT", nullable: false),
                    AgeMix = table.Column<string>(type: "TEXT", nullable: false),
                    SpecialistShare = table.Column<string>(type: "TEXT", nullable: false),
                    MaxTravelKm = table.Column<double>(type: "REAL", nullable: false),
                    TravelCostPerKm = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SufficiencySettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SufficiencySettings_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EhcpRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PrimaryNeed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SettingName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SettingAreaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    HomeLsoa = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    HomeLatitude = table.Column<double>(type: "REAL", nullable: false),
                    HomeLongitude = table.Column<double>(type: "REAL", nullable: false),
                    NeedsSpecialistPlace = table.Column<bool>(type: "INTEGER", nullable: false),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcpRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcpRecords_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EhcpRecords_EhcpBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "EhcpBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EhcpBatches_AuthorityId_LoadedAt",
                table: "EhcpBatches",
                columns: new[] { "AuthorityId", "LoadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EhcpRecords_AuthorityId_PrimaryNeed",
                table: "EhcpRecords",
                columns: new[] { "AuthorityId", "PrimaryNeed" });

            migrationBuilder.CreateIndex(
                name: "IX_EhcpRecords_AuthorityId_Reference",
                table: "EhcpRecords",
                columns: new[] { "AuthorityId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EhcpRecords_BatchId",
                table: "EhcpRecords",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Provisions_AuthorityId_Name",
                table: "Provisions",
                columns: new[] { "AuthorityId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Provisions_Urn",
                table: "Provisions",
                column: "Urn");

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_PartnershipId_Name",
                table: "Scenarios",
                columns: new[] { "PartnershipId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SufficiencySettings_AuthorityId",
                table: "SufficiencySettings",
                column: "AuthorityId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EhcpRecords");

            migrationBuilder.DropTable(
                name: "Provisions");

            migrationBuilder.DropTable(
                name: "Scenarios");

            migrationBuilder.DropTable(
                name: "SufficiencySettings");

            migrationBuilder.DropTable(
                name: "EhcpBatches");
        }
    }
}
