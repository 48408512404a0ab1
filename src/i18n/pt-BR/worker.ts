import type en from '../en/worker.ts';
import type { Localised } from '../localised.ts';

const worker: Localised<typeof en> = {
  backends: {
    webgl: 'WebGL (GPU)',
    wasm: 'wasm (WebAssembly, CPU)',
    cpu: 'cpu (JavaScript puro)',
  },
  backendReason: {
    chosen: 'escolhido no endereço da página (?backend=)',
    fallback: '{{skipped}}; usando {{backend}} no lugar',
  },
  skipped: {
    failedEarlier: '{{backend}} falhou antes nesta sessão',
    didNotStart: '{{backend}} não está disponível: o backend {{id}} não conseguiu iniciar',
    noContext: '{{backend}} não está disponível: não foi possível criar um contexto WebGL no worker',
    wrongResult: '{{backend}} não está disponível: o backend {{id}} calculou um resultado errado',
    noWebgl: '{{backend}} não está disponível: o WebGL não é suportado',
    threw: '{{backend}} não está disponível: {{detail}}',
  },
  problems: {
    dataUnreachable: 'Não foi possível baixar o arquivo do MNIST {{file}} ({{detail}}): sem internet, ou o servidor do app não está rodando.',
    dataMissing: 'O arquivo do MNIST {{file}} não está no servidor (HTTP {{status}}). Reinstale com "npm install" e gere o site de novo.',
    dataMissingPage: 'O arquivo do MNIST {{file}} não está no servidor (ele respondeu com uma página web). Reinstale com "npm install" e gere o site de novo.',
    dataNoDecompression:
      'Este navegador não consegue descompactar os arquivos do MNIST (não tem DecompressionStream): use um Chrome, Edge, Firefox ou Safari atual.',
    dataDamaged: 'O arquivo do MNIST está danificado: {{detail}}',
    backendFailed:
      'O backend {{backend}} falhou durante o treino ({{detail}}). O treino parou; o próximo usa {{next}}. Suas configurações foram mantidas: clique em Treinar para começar de novo.',
    backendFailedLast:
      'O backend {{backend}} falhou durante o treino ({{detail}}). O treino parou; nenhum outro backend funciona. Suas configurações foram mantidas: clique em Treinar para começar de novo.',
    noBackend: 'Nenhum backend do tfjs funciona neste navegador: {{skipped}}.',
    trainingFailed: 'O treino falhou: {{detail}}. Suas configurações foram mantidas; clique em Treinar para tentar de novo.',
    refusedStart: 'O worker ainda estava ocupado com a tarefa anterior, então nada foi iniciado. Clique no botão de novo daqui a pouco.',
    lostTrack: 'O worker já tinha encerrado esta tarefa, mas a última mensagem dele não chegou. O que foi mostrado até agora continua aqui.',
  },
  interrupted: {
    'worker-stopped': 'O worker de treino parou de responder',
    stalled: 'O treino parou de avançar (a GPU pode ter parado de responder)',
    'webgl-lost': 'O navegador tirou a GPU do laboratório (o contexto WebGL foi perdido)',
    crashed: 'O worker de treino parou inesperadamente',
    detail: '{{what}} ({{detail}})',
    restarted: '{{what}}. Um novo worker foi iniciado.',
    restartedWithout: '{{what}}. Um novo worker foi iniciado sem {{backend}}.',
    job: '{{what}} As curvas até aqui foram mantidas; os pesos treinados se perderam com o worker antigo. Suas configurações foram mantidas: clique em Treinar para começar de novo.',
    modelLost: '{{what}} A rede treinada se perdeu com o worker antigo: treine de novo ou carregue um modelo salvo.',
  },
  loss: {
    nan: 'virou NaN',
    infinite: 'ficou infinita',
    rose: 'subiu para {{nats}} nats, muito acima do seu melhor valor e pior do que chutar',
  },
  run: {
    completed_one: '{{count}} época concluída.',
    completed_many: '{{count}} épocas concluídas.',
    completed_other: '{{count}} épocas concluídas.',
    stopped: 'Parado durante a época {{epoch}}; os pesos treinados foram mantidos.',
    stoppedBeforeTraining: 'Parado antes de o treino começar.',
    earlyStopped_one:
      'Parada antecipada: a perda de validação não melhora há {{count}} época; os pesos da época {{best}} foram restaurados (perda de validação {{loss}} nats). O conjunto de teste foi avaliado com eles.',
    earlyStopped_many:
      'Parada antecipada: a perda de validação não melhora há {{count}} épocas; os pesos da época {{best}} foram restaurados (perda de validação {{loss}} nats). O conjunto de teste foi avaliado com eles.',
    earlyStopped_other:
      'Parada antecipada: a perda de validação não melhora há {{count}} épocas; os pesos da época {{best}} foram restaurados (perda de validação {{loss}} nats). O conjunto de teste foi avaliado com eles.',
    diverged:
      'A taxa de aprendizado é grande demais: a perda divergiu ({{what}}) no lote {{step}}, época {{epoch}}, com taxa de aprendizado {{learningRate}}. Cada passo passou do mínimo mais do que o anterior. Tente uma taxa de aprendizado 10× menor.',
  },
  raceRun: {
    diverged: '{{name}} divergiu: a perda {{what}} no lote {{step}}, época {{epoch}}. Os outros treinos continuam.',
    afterChance: 'O que sobrou da explosão acerta {{accuracy}} no conjunto de validação: o nível do acaso. A rede colapsou e passou a chutar.',
    after: 'O que sobrou da explosão ainda acerta {{accuracy}} no conjunto de validação.',
    collapsed: 'Acurácia de validação {{accuracy}}: perto do acaso ({{chance}}). A rede colapsou e passou a chutar um único dígito.',
    earlyStopped_one:
      '{{name}} parou cedo após a época {{epoch}}: nenhuma perda de validação menor há {{count}} época; os pesos da época {{best}} foram restaurados.',
    earlyStopped_many:
      '{{name}} parou cedo após a época {{epoch}}: nenhuma perda de validação menor há {{count}} épocas; os pesos da época {{best}} foram restaurados.',
    earlyStopped_other:
      '{{name}} parou cedo após a época {{epoch}}: nenhuma perda de validação menor há {{count}} épocas; os pesos da época {{best}} foram restaurados.',
  },
  race: {
    stopped: 'Corrida interrompida.',
    finished_one: 'Corrida concluída: {{completed}} de {{runs}} treinos completaram {{count}} época{{more}}.',
    finished_many: 'Corrida concluída: {{completed}} de {{runs}} treinos completaram {{count}} épocas{{more}}.',
    finished_other: 'Corrida concluída: {{completed}} de {{runs}} treinos completaram {{count}} épocas{{more}}.',
    stoppedEarly: ', {{count}} com parada antecipada',
    diverged_one: ', {{count}} divergiu',
    diverged_many: ', {{count}} divergiram',
    diverged_other: ', {{count}} divergiram',
  },
  range: {
    stopped: 'Teste de faixa interrompido.',
    swept: '{{batches}} lotes percorridos, de {{from}} a {{to}}.',
    sweptBlewUp: '{{batches}} lotes percorridos, de {{from}} a {{to}}, parando quando a perda passou de 4× o seu melhor valor.',
    blewUp: 'A perda explodiu quase de imediato: não há taxa de aprendizado para sugerir. Confira o momento e o tamanho do lote.',
  },
};
export default worker;
