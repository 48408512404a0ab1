import type en from '../en/storage.ts';
import type { Localised } from '../localised.ts';

const storage: Localised<typeof en> = {
  problem: '{{failed}}: {{cause}}. {{still}}',
  cause: {
    unavailable: 'este navegador não deixa o laboratório guardar nada (modo privado, ou armazenamento desativado?)',
    quota: 'o armazenamento do navegador para este site está cheio',
    other: 'o armazenamento do navegador falhou ({{detail}})',
    otherSilent: 'o armazenamento do navegador falhou sem dizer por quê',
  },
  failed: {
    'list-models': 'Não é possível listar os modelos salvos',
    'save-model': 'O modelo não foi salvo',
    'load-model': 'Não é possível ler o modelo salvo',
    'delete-model': 'O modelo salvo não foi removido',
    'keep-upload': 'O modelo enviado está em uso, mas não ficou guardado neste navegador',
    'list-runs': 'Não é possível ler o histórico de treinos',
    'read-runs': 'Não é possível ler os treinos',
    'save-runs': 'Os treinos não foram guardados no histórico',
    'import-runs': 'Os treinos não foram importados',
    'rename-run': 'O treino não foi renomeado',
    'delete-run': 'O treino não foi excluído',
  },
  modelsStill: {
    unavailable: 'Você ainda pode treinar, desenhar e baixar a rede como arquivo.',
    quota: 'Exclua modelos salvos ou treinos de que não precisa mais, ou baixe a rede como arquivo.',
    other: 'Tente de novo; você ainda pode baixar a rede como arquivo.',
  },
  runsStill: {
    unavailable: 'Os treinos continuam rodando e mostrando as curvas, mas não ficam guardados.',
    quota: 'Exclua treinos ou modelos salvos de que não precisa mais; enquanto isso, os treinos continuam rodando.',
    other: 'Tente de novo; enquanto isso, os treinos continuam rodando.',
  },
  modelsNotKept:
    'Salvar não está disponível neste navegador (modo privado, ou armazenamento desativado?): os modelos ainda podem ser treinados, enviados de um arquivo e baixados como arquivo, mas não ficam guardados aqui.',
  runsNotKept:
    'Os treinos não estão sendo guardados: este navegador não deixa o laboratório guardar nada (modo privado, ou armazenamento desativado?). Os treinos continuam rodando e mostrando as curvas, mas nenhum aparece aqui.',
};
export default storage;
