using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false),
                    CalibratedTo = table.Column<int>(type: "integer", nullable: true),
                    CalibrationSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LoadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Urn = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    AreaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    AgeFrom = table.Column<int>(type: "integer", nullable: false),
                    AgeTo = table.Column<int>(type: "integer", nullable: false),
                    CommissionedPlaces = table.Column<int>(type: "integer", nullable: false),
                    PhysicalPlaces = table.Column<int>(type: "integer", nullable: false),
                    Needs = table.Column<string>(type: "text", nullable: false),
                    AnnualCostPerPlace = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Opens = table.Column<DateOnly>(type: "date", nullable: true),
                    Closes = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedChanges = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CostBands = table.Column<string>(type: "text", nullable: false),
                    NeedMix = table.Column<string>(type: "text", nullable: false),
                    AgeMix = table.Column<string>(type: "text", nullable: false),
                    SpecialistShare = table.Column<string>(type: "text", nullable: false),
                    MaxTravelKm = table.Column<double>(type: "double precision", nullable: false),
                    TravelCostPerKm = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    PrimaryNeed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Setting = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProvisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    SettingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SettingAreaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    HomeLsoa = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    HomeLatitude = table.Column<double>(type: "double precision", nullable: false),
                    HomeLongitude = table.Column<double>(type: "double precision", nullable: false),
                    NeedsSpecialistPlace = table.Column<bool>(type: "boolean", nullable: false),
                    Synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
