using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Postgres
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
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // Rows imported before the column existed came from the mid-year estimates of their year.
            migrationBuilder.Sql("UPDATE \"PopulationEstimates\" SET \"Dataset\" = 'ons-mye-' || CAST(\"Year\" AS TEXT)");

            migrationBuilder.AlterColumn<string>(
                name: "File",
                table: "DatasetImports",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.CreateTable(
                name: "LsoaDeprivations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LsoaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    AuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    ImdRank = table.Column<int>(type: "integer", nullable: false),
                    ImdDecile = table.Column<int>(type: "integer", nullable: false),
                    IdaciRank = table.Column<int>(type: "integer", nullable: false),
                    IdaciDecile = table.Column<int>(type: "integer", nullable: false),
                    IdaopiRank = table.Column<int>(type: "integer", nullable: false),
                    IdaopiDecile = table.Column<int>(type: "integer", nullable: false),
                    DomainDeciles = table.Column<string>(type: "text", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    Children = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LsoaDeprivations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Lsoas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WardCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    WardName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    AuthorityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lsoas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublicAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DfeNumber = table.Column<int>(type: "integer", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Dataset = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Polarity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedStatistics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Dataset = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Table = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Breakdown = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Values = table.Column<string>(type: "text", nullable: false),
                    Texts = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedStatistics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchoolInspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LaNumber = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgeFrom = table.Column<int>(type: "integer", nullable: true),
                    AgeTo = table.Column<int>(type: "integer", nullable: true),
                    OtherUrn = table.Column<int>(type: "integer", nullable: true),
                    History = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolInspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Schools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    LaNumber = table.Column<int>(type: "integer", nullable: false),
                    LaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EstablishmentNumber = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TypeGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phase = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Pupils = table.Column<int>(type: "integer", nullable: true),
                    PercentageFsm = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    LsoaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ResponsibleBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResponsibleBodyType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "File",
                table: "DatasetImports",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);
        }
    }
}
