using CrampKnowledge.Bench.Growth;

// usage: dotnet CrampKnowledge.Bench.Growth.dll SEED-DATA OUTPUT SCALE
if (args.Length != 3 || !int.TryParse(args[2], out var scale) || scale < 1 || scale > SyntheticSeedData.MaxScale)
{
    Console.Error.WriteLine($"usage: CrampKnowledge.Bench.Growth SEED-DATA OUTPUT SCALE (1 to {SyntheticSeedData.MaxScale})");
    return 2;
}

var summary = SyntheticSeedData.Generate(args[0], args[1], scale);
Console.WriteLine(summary);
return 0;
