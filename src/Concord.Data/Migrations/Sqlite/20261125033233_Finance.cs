using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concord.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Finance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreementStatus",
                table: "Options");

            migrationBuilder.DropColumn(
                name: "CostBenefitDraftedOn",
                table: "Options");

            migrationBuilder.DropColumn(
                name: "CostBenefitSummary",
                table: "Options");

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Parties = table.Column<string>(type: "TEXT", nullable: false),
                    Contributions = table.Column<string>(type: "TEXT", nullable: false),
                    RiskSharing = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Contingency = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ExitArrangements = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Starts = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Ends = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Options_OptionId",
                        column: x => x.OptionId,
                        principalTable: "Options",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApportionmentMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Driver = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApportionmentMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApportionmentMeasures_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApportionmentMeasures_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CostBenefitAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    HorizonYears = table.Column<int>(type: "INTEGER", nullable: false),
                    DiscountRate = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    OptimismBias = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    DescribedBenefits = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PreparedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostBenefitAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CostBenefitAnalyses_Options_OptionId",
                        column: x => x.OptionId,
                        principalTable: "Options",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CostBenefitAnalyses_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DsgAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    DfeCode = table.Column<int>(type: "INTEGER", nullable: false),
                    LaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AfterDeductions_CentralSchoolServices = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    AfterDeductions_EarlyYears = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    AfterDeductions_HighNeeds = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    AfterDeductions_Schools = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BeforeRecoupment_CentralSchoolServices = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BeforeRecoupment_EarlyYears = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BeforeRecoupment_HighNeeds = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BeforeRecoupment_Schools = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DsgAllocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HighNeedsBudgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    DsgTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    HighNeedsBlock = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Reconciliation = table.Column<string>(type: "TEXT", nullable: false),
                    InYearNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Recovery = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighNeedsBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HighNeedsBudgets_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Kpis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Polarity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kpis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kpis_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharedPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Arrangement = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployingAuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServedAuthorityIds = table.Column<string>(type: "TEXT", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Fte = table.Column<decimal>(type: "TEXT", precision: 4, scale: 3, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InitialTermEnds = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewDates = table.Column<string>(type: "TEXT", nullable: false),
                    Salary = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OnCosts = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OtherCosts = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Funding = table.Column<string>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedPosts_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharedPosts_Authorities_EmployingAuthorityId",
                        column: x => x.EmployingAuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharedPosts_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiActuals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiActuals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiActuals_Kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "Kpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OptionId",
                table: "Agreements",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PartnershipId",
                table: "Agreements",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ApportionmentMeasures_AuthorityId",
                table: "ApportionmentMeasures",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ApportionmentMeasures_PartnershipId_AuthorityId_Driver_Year",
                table: "ApportionmentMeasures",
                columns: new[] { "PartnershipId", "AuthorityId", "Driver", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CostBenefitAnalyses_OptionId",
                table: "CostBenefitAnalyses",
                column: "OptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CostBenefitAnalyses_PartnershipId",
                table: "CostBenefitAnalyses",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_DsgAllocations_FinancialYearStart_DfeCode",
                table: "DsgAllocations",
                columns: new[] { "FinancialYearStart", "DfeCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HighNeedsBudgets_AuthorityId_FinancialYearStart",
                table: "HighNeedsBudgets",
                columns: new[] { "AuthorityId", "FinancialYearStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiActuals_KpiId_PeriodEnd",
                table: "KpiActuals",
                columns: new[] { "KpiId", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kpis_AgreementId",
                table: "Kpis",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedPosts_AgreementId",
                table: "SharedPosts",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedPosts_EmployingAuthorityId",
                table: "SharedPosts",
                column: "EmployingAuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedPosts_PartnershipId",
                table: "SharedPosts",
                column: "PartnershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApportionmentMeasures");

            migrationBuilder.DropTable(
                name: "CostBenefitAnalyses");

            migrationBuilder.DropTable(
                name: "DsgAllocations");

            migrationBuilder.DropTable(
                name: "HighNeedsBudgets");

            migrationBuilder.DropTable(
                name: "KpiActuals");

            migrationBuilder.DropTable(
                name: "SharedPosts");

            migrationBuilder.DropTable(
                name: "Kpis");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.AddColumn<string>(
                name: "AgreementStatus",
                table: "Options",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CostBenefitDraftedOn",
                table: "Options",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CostBenefitSummary",
                table: "Options",
                type: "TEXT",
                nullable: true);
        }
    }
}
