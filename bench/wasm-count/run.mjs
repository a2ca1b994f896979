// A fixed piece of work for the wasm core, for counting instructions (see count.sh): load the
// shrunk core (www/pkg/min, as the page ships it), then, by the first argument:
//   inst   instantiate only;
//   warm   … and build the French lexicon tables (what the page does before it is ready);
//   (none) … and annotate 512 KB of French text (the seeds repeated), in two 256 KB calls.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.argv[3] || root + 'www/pkg/min';
const glue = await import('file://' + dir + '/article_annotator.js');
const { unpackAnnotation } = await import('file://' + root + 'www/annotation.js');
glue.initSync({ module: readFileSync(dir + '/article_annotator_bg.wasm') });
const phase = process.argv[2];
if (phase !== 'inst') glue.warm('fr');
if (!phase || phase === 'annotate') {
  const seed = (name) => readFileSync(root + 'seeds/' + name, 'utf8');
  const seeds = seed('000_34e6ec2c4447f1c3.txt') + '\n\n' + seed('003_77698da07e883b51.txt') + '\n\n';
  const chunk = seeds.repeat(Math.ceil(256 * 1024 / seeds.length)).slice(0, 256 * 1024);
  for (let i = 0; i < 2; i++) unpackAnnotation(glue.annotate(chunk, { lang: 'fr' }));
}
