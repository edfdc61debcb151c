using System.Text.Json.Serialization;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>Where a recommended item came from; Fallback = the model's ranking after every chosen source ran dry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PickSource>))]
public enum PickSource { Model, Familiar, Segment, NewThing, Fallback }

/// <summary>One slot of a generated list, before it is labelled with customer and item names.</summary>
public readonly record struct StrategyPick(int Item, PickSource Source, StockClass Class, float Score);

/// <summary>One row of user_strategy_items.</summary>
public sealed record UserStrategyItem(int Customer, string CustomerId, string Segment, string Strategy, int Rank, int Item,
    string StockCode, string Description, PickSource Source, StockClass Class, double Score);
