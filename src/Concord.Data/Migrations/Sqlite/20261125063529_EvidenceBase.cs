using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvidenceBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Dataset",
                table: "PopulationEstimates",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // Rows imported before the column existed came from the mid-year estimates of their year.
            migrationBuilder.Sql("UPDATE \"PopulationEstimates\" SET \"Dataset\" = 'ons-mye-' || CAST(\"Year\" AS TEXT)");

            migrationBuilder.CreateTable(
                name: "LsoaDeprivations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    ImdRank = table.Column<int>(type: "INTEGER", nullable: false),
                    ImdDecile = table.Column<int>(type: "INTEGER", nullable: false),
                    IdaciRank = table.Column<int>(type: "INTEGER", nullable: false),
                    IdaciDecile = table.Column<int>(type: "INTEGER", nullable: false),
                    IdaopiRank = table.Column<int>(type: "INTEGER", nullable: false),
                    IdaopiDecile = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainDeciles = table.Column<string>(type: "TEXT", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Children = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LsoaDeprivations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Lsoas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WardCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    WardName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AuthorityCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    AuthorityName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lsoas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublicAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DfeNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Polarity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedStatistics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Table = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Breakdown = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: false),
                    Texts = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedStatistics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchoolInspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LaNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgeFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeTo = table.Column<int>(type: "INTEGER", nullable: true),
                    OtherUrn = table.Column<int>(type: "INTEGER", nullable: true),
                    History = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolInspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Schools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    LaNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    LaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EstablishmentNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TypeGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Pupils = table.Column<int>(type: "INTEGER", nullable: true),
                    PercentageFsm = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ResponsibleBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponsibleBodyType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schools", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LsoaDeprivations_AuthorityCode",
                table: "LsoaDeprivations",
                column: "AuthorityCode");

            migrationBuilder.CreateIndex(
                name: "IX_LsoaDeprivations_LsoaCode",
                table: "LsoaDeprivations",
                column: "LsoaCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_AuthorityCode",
                table: "Lsoas",
                column: "AuthorityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_Code",
                table: "Lsoas",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicAreas_Code",
                table: "PublicAreas",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicAreas_DfeNumber",
                table: "PublicAreas",
                column: "DfeNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedMeasures_Dataset_Code",
                table: "PublishedMeasures",
                columns: new[] { "Dataset", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedStatistics_AreaCode_Dataset",
                table: "PublishedStatistics",
                columns: new[] { "AreaCode", "Dataset" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedStatistics_Dataset_Table_AreaCode_Period_Breakdown",
                table: "PublishedStatistics",
                columns: new[] { "Dataset", "Table", "AreaCode", "Period", "Breakdown" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolInspections_LaNumber",
                table: "SchoolInspections",
                column: "LaNumber");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolInspections_Urn",
                table: "SchoolInspections",
                column: "Urn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Schools_LaNumber",
                table: "Schools",
                column: "LaNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Schools_Urn",
                table: "Schools",
                column: "Urn",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LsoaDeprivations");

            migrationBuilder.DropTable(
                name: "Lsoas");

            migrationBuilder.DropTable(
                name: "PublicAreas");

            migrationBuilder.DropTable(
                name: "PublishedMeasures");

            migrationBuilder.DropTable(
                name: "PublishedStatistics");

            migrationBuilder.DropTable(
                name: "SchoolInspections");

            migrationBuilder.DropTable(
                name: "Schools");

            migrationBuilder.DropColumn(
                name: "Dataset",
                table: "PopulationEstimates");
        }
    }
}
