using System.Data.Common;
using System.Text;
using Concord.Core.Access;
using Concord.Core.PublicData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Concord.Data;

/// <summary>
/// Writes the many rows of a public dataset (tens of thousands of LSOAs or schools) straight to
/// their table, in the import's transaction, without tracking each one: multi-row INSERTs whose
/// columns, names and value conversions (JSON columns included) come from the model, so the rows
/// read back exactly as if EF Core had saved them. Only Concord's own import may do this for public
/// data, which is not audited row by row (its provenance record is the trail); and a council's staff
/// for the rows of their own council's load, whose load record is the trail.
/// </summary>
public static class PublicDataWriter
{
    /// <summary>
    /// Rows per statement. SQLite is quickest with one row per statement, prepared once
    /// (Microsoft.Data.Sqlite binds each parameter by searching the command's list, so long
    /// statements cost more); PostgreSQL with many rows per statement, up to about 4,000 parameters.
    /// </summary>
    private static int RowsPerStatement(ConcordDbContext db, int columns) => db.Database.IsSqlite() ? 1 : Math.Max(1, 4_000 / columns);

    public static async Task InsertAsync<T>(this ConcordDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class, IPublicData
    {
        if (!db.User.IsSystem)
        {
            throw new AccessDeniedException($"{typeof(T).Name} is published public data and changes only through Concord's import.");
        }

        await WriteAsync(db, rows, cancellationToken);
    }

    /// <summary>
    /// Writes the rows of one council's load (children with EHC plans) the same way, inside the
    /// caller's transaction: only by someone who may edit, working for the council every row
    /// belongs to, and only once the load's own (audited) record is saved in that transaction.
    /// </summary>
    public static async Task InsertLoadAsync<T>(this ConcordDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class, IAuditedByBatch
    {
        var user = db.User;
        if (!user.IsSystem && (!user.Can(Capability.Edit) || rows.Any(r => r.AuthorityId != user.ActiveAuthorityId)))
        {
            throw new AccessDeniedException($"A {typeof(T).Name} is loaded only by its own council's staff who may edit.");
        }

        await WriteAsync(db, rows, cancellationToken);
    }

    private static async Task WriteAsync<T>(ConcordDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Public data is written inside the import's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter())).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var perStatement = RowsPerStatement(db, columns.Count);

        var connection = transaction.Connection!;
        DbCommand? full = null;
        try
        {
            foreach (var batch in rows.Chunk(perStatement))
            {
                // A statement of a full batch is made once; later batches only change its parameters' values.
                var reused = batch.Length == perStatement && full is not null;
                var command = reused ? full! : Command(connection, transaction, sql, table, columns.Select(c => c.Column).ToList(), batch.Length);
                var index = 0;
                foreach (var row in batch)
                {
                    foreach (var (property, _, mapping, getter) in columns)
                    {
                        var value = getter.GetClrValue(row);
                        if (reused)
                        {
                            command.Parameters[index].Value = value is null ? DBNull.Value : mapping.Converter?.ConvertToProvider(value) ?? value;
                        }
                        else
                        {
                            command.Parameters.Add(mapping.CreateParameter(command, $"p{index}", value, property.IsNullable));
                        }

                        index++;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (batch.Length == perStatement)
                {
                    full = command;
                }
                else
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, StoreObjectIdentifier table, IReadOnlyList<string> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(sql.DelimitIdentifier)).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Count; column++)
            {
                text.Append(column == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{(row * columns.Count) + column}"));
            }

            text.Append(')');
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text.ToString();
        return command;
    }
}
